// What a visitor brings, by tiles and search: the kinds a repair café sees most first, every ORDS
// category and the unpowered kinds (textile, bike, furniture, toy, other) a tap or a word away.
// Native radio buttons in the park's tile style, so arrow keys and screen readers work.
import { useId, useMemo, useState } from 'react';
import {
  categoryById,
  normalizeSearchText,
  searchCategories,
  UNPOWERED_KINDS,
  type UnpoweredKind,
} from '../../domain';
import { useT } from '../../i18n/i18n';
import { Breakable } from '../../ui/Breakable';

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

interface Tile {
  key: string;
  kind: CafeKind;
  icon: string;
  name: string;
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
  const searchId = useId();
  const name = useId();
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
  const selected = keyOf(value);
  const searching = query.trim() !== '';
  return (
    <fieldset className="field category-picker" aria-invalid={invalid} aria-describedby={errorId}>
      <legend>{t('cafe.checkin.kind')}</legend>
      <label htmlFor={searchId} className="visually-hidden">
        {t('cafe.checkin.kind.search')}
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        placeholder={t('cafe.checkin.kind.placeholder')}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
        }}
        onKeyDown={(e) => {
          // Enter picks the best match instead of sending the form.
          if (e.key === 'Enter') {
            e.preventDefault();
            const first = tiles[0];
            if (first) onChange(first.kind);
          }
        }}
      />
      {tiles.length === 0 ? (
        <p className="hint">{t('cafe.checkin.kind.none', { query })}</p>
      ) : (
        <div className="tile-grid cafe-kinds">
          {tiles.map((tile) => (
            <label
              key={tile.key}
              className={`tile${selected === tile.key ? ' tile-selected' : ''}`}
            >
              <input
                type="radio"
                name={name}
                value={tile.key}
                checked={selected === tile.key}
                onChange={() => {
                  onChange(tile.kind);
                }}
              />
              <span className="tile-icon" aria-hidden="true">
                {tile.icon}
              </span>
              <span className="tile-label">
                <Breakable text={tile.name} />
              </span>
            </label>
          ))}
          {!searching && (
            <button
              type="button"
              className="tile tile-more"
              aria-expanded={all}
              onClick={() => {
                setAll(!all);
              }}
            >
              {all
                ? t('cafe.checkin.kind.fewer')
                : t('cafe.checkin.kind.more', { count: 40 + UNPOWERED_KINDS.length })}
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
