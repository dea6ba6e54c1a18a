// Category choice by icon tiles: the kinds this park logs most first (a tap, no scrolling), all
// of them a tap further, and a search on Dutch names and everyday words ("gsm", "microgolf",
// "frietketel"). Native radio buttons, so arrow keys and screen readers work.
import { useMemo, useState } from 'react';
import { categoryById, searchCategories, type Category } from '../../domain';
import { useT } from '../../i18n/i18n';
import { KindTiles } from '../../ui/KindTiles';

/** How many of the park's most logged kinds are shown before "all kinds" (seven on a phone, where
 * the CSS hides the last one so the condition and Bewaren stay in view). */
export const TOP_KINDS = 8;

interface Props {
  value: number | null;
  onChange: (id: number) => void;
  invalid: boolean;
  errorId?: string;
  /** Every category id, the ones to offer first at the front. */
  order: readonly number[];
}

/** The tiles to show without a search: the top kinds, plus the chosen one if it is not among
 * them (a correction of a rare kind still shows what it is). */
function topTiles(order: readonly number[], value: number | null): Category[] {
  const ids = order.slice(0, TOP_KINDS);
  if (value !== null && !ids.includes(value)) ids.unshift(value);
  return ids.map((id) => categoryById(id)).filter((c): c is Category => c !== undefined);
}

/** The category field of the item form. */
export function CategoryPicker({ value, onChange, invalid, errorId, order }: Props) {
  const { t, lang } = useT();
  const [query, setQuery] = useState('');
  const [all, setAll] = useState(false);
  const matches = useMemo(() => searchCategories(query, lang), [query, lang]);
  // Read once: a count arriving while the form is open must not move a tile under a finger.
  const [top] = useState(() => topTiles(order, value));
  const searching = query.trim() !== '';
  const shown = searching || all ? matches : top;
  const tiles = useMemo(
    () => shown.map((c) => ({ key: String(c.id), icon: c.icon, name: c.name[lang] })),
    [shown, lang],
  );
  return (
    <KindTiles
      legend={t('form.category')}
      searchLabel={t('form.category.search')}
      placeholder={t('form.category.search.placeholder')}
      none={t('form.category.none', { query })}
      query={query}
      onQuery={setQuery}
      tiles={tiles}
      all={all}
      onAll={setAll}
      more={t('form.category.more', { count: matches.length })}
      fewer={t('form.category.fewer')}
      selected={value === null ? null : String(value)}
      onPick={(key) => {
        onChange(Number(key));
      }}
      invalid={invalid}
      errorId={errorId}
      gridClass={searching || all ? 'tile-grid-all' : 'tile-grid-top'}
    />
  );
}
