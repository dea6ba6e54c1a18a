// Category choice by icon tiles: the kinds this park logs most first (a tap, no scrolling), all
// of them a tap further, and a search on Dutch names and everyday words ("gsm", "microgolf",
// "frietketel"). Native radio buttons, so arrow keys and screen readers work.
import { useId, useMemo, useState } from 'react';
import { categoryById, searchCategories, type Category } from '../../domain';
import { useT } from '../../i18n/i18n';
import { Breakable } from '../../ui/Breakable';

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
  const searchId = useId();
  const name = useId();
  const matches = useMemo(() => searchCategories(query, lang), [query, lang]);
  // Read once: a count arriving while the form is open must not move a tile under a finger.
  const [top] = useState(() => topTiles(order, value));
  const searching = query.trim() !== '';
  const tiles = searching || all ? matches : top;
  return (
    <fieldset className="field category-picker" aria-invalid={invalid} aria-describedby={errorId}>
      <legend>{t('form.category')}</legend>
      <label htmlFor={searchId} className="visually-hidden">
        {t('form.category.search')}
      </label>
      <input
        id={searchId}
        type="search"
        value={query}
        placeholder={t('form.category.search.placeholder')}
        autoComplete="off"
        onChange={(e) => {
          setQuery(e.target.value);
        }}
        onKeyDown={(e) => {
          // Enter in the search picks the best match instead of submitting the form.
          if (e.key === 'Enter') {
            e.preventDefault();
            const first = matches[0];
            if (first) onChange(first.id);
          }
        }}
      />
      {tiles.length === 0 ? (
        <p className="hint">{t('form.category.none', { query })}</p>
      ) : (
        <div className={`tile-grid${searching || all ? ' tile-grid-all' : ' tile-grid-top'}`}>
          {tiles.map((c) => (
            <label key={c.id} className={`tile${value === c.id ? ' tile-selected' : ''}`}>
              <input
                type="radio"
                name={name}
                value={c.id}
                checked={value === c.id}
                onChange={() => {
                  onChange(c.id);
                }}
              />
              <span className="tile-icon" aria-hidden="true">
                {c.icon}
              </span>
              <span className="tile-label">
                <Breakable text={c.name[lang]} />
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
              {all ? t('form.category.fewer') : t('form.category.more', { count: matches.length })}
            </button>
          )}
        </div>
      )}
    </fieldset>
  );
}
