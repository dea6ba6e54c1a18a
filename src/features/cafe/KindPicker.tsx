// What a visitor brings, by tiles and search: the kinds a repair café sees most first, every ORDS
// category and the unpowered kinds (textile, bike, furniture, toy, other) a tap or a word away.
// The park's kind field (KindTiles) with the café's tiles.
import { useMemo, useState } from 'react';
import {
  categoryById,
  normalizeSearchText,
  searchCategories,
  UNPOWERED_KINDS,
  type UnpoweredKind,
} from '../../domain';
import { useT } from '../../i18n/i18n';
import { KindTiles, type KindTile } from '../../ui/KindTiles';

/** A kind: an ORDS category (1–40), or 0 with the unpowered kind. */
export interface CafeKind {
  category: number;
  unpoweredKind?: UnpoweredKind;
}

/** What repair cafés see most (Repair Connects' Belgian records): lamps, coffee makers,
 * vacuums, radios, laptops, toasters, kettles, hi-fi. */
const USUAL_POWERED = [15, 36, 34, 23, 16, 31, 14, 12];

const UNPOWERED_ICONS: Record<UnpoweredKind, string> = {
  textile: '🧵',
  bike: '🚲',
  furniture: '🪑',
  toy: '🧸',
  other: '📦',
};

interface Tile extends KindTile {
  kind: CafeKind;
}

const keyOf = (kind: CafeKind | null) =>
  kind === null
    ? ''
    : kind.category === 0
      ? `u-${kind.unpoweredKind ?? 'other'}`
      : `c${kind.category}`;

/** The kind field of the door's form. */
export function KindPicker({
  value,
  onChange,
  invalid,
  errorId,
}: {
  value: CafeKind | null;
  onChange: (kind: CafeKind) => void;
  invalid: boolean;
  errorId?: string;
}) {
  const { t, lang } = useT();
  const [query, setQuery] = useState('');
  const [all, setAll] = useState(false);
  const unpowered = useMemo<(Tile & { words: string })[]>(
    () =>
      UNPOWERED_KINDS.map((k) => ({
        key: `u-${k}`,
        kind: { category: 0, unpoweredKind: k },
        icon: UNPOWERED_ICONS[k],
        name: t(`cafe.kind.${k}`),
        words: normalizeSearchText(`${t(`cafe.kind.${k}`)} ${t(`cafe.kind.words.${k}`)}`),
      })),
    [t],
  );
  const tiles = useMemo<Tile[]>(() => {
    const powered = (ids: readonly number[]) =>
      ids.flatMap((id) => {
        const c = categoryById(id);
        return c
          ? [{ key: `c${id}`, kind: { category: id }, icon: c.icon, name: c.name[lang] }]
          : [];
      });
    const q = normalizeSearchText(query);
    if (q !== '') {
      const words = unpowered.filter((u) => u.words.split(' ').some((w) => w.startsWith(q)));
      return [...powered(searchCategories(query, lang).map((c) => c.id)), ...words];
    }
    if (all) return [...powered(searchCategories('', lang).map((c) => c.id)), ...unpowered];
    const top = [...powered(USUAL_POWERED), ...unpowered];
    // The chosen kind stays in view when it is not among the usual ones.
    if (value && !top.some((tile) => tile.key === keyOf(value)))
      top.unshift(...powered([value.category]));
    return top;
  }, [query, all, lang, unpowered, value]);
  const byKey = useMemo(() => new Map(tiles.map((tile) => [tile.key, tile.kind])), [tiles]);
  return (
    <KindTiles
      legend={t('cafe.checkin.kind')}
      searchLabel={t('cafe.checkin.kind.search')}
      placeholder={t('cafe.checkin.kind.placeholder')}
      none={t('cafe.checkin.kind.none', { query })}
      query={query}
      onQuery={setQuery}
      tiles={tiles}
      all={all}
      onAll={setAll}
      more={t('cafe.checkin.kind.more', { count: 40 + UNPOWERED_KINDS.length })}
      fewer={t('cafe.checkin.kind.fewer')}
      selected={value === null ? null : keyOf(value)}
      onPick={(key) => {
        const kind = byKey.get(key);
        if (kind) onChange(kind);
      }}
      invalid={invalid}
      errorId={errorId}
      gridClass="cafe-kinds"
    />
  );
}
