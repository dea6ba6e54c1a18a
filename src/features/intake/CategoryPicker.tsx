// Category choice by icon tiles with a search on Dutch names and everyday words ("gsm",
// "microgolf", "frietketel"). Native radio buttons, so arrow keys and screen readers work.
import { useId, useMemo, useState } from 'react';
import { searchCategories } from '../../domain';
import { useT } from '../../i18n/i18n';
import { Breakable } from '../../ui/Breakable';

interface Props {
  value: number | null;
  onChange: (id: number) => void;
  invalid: boolean;
  errorId?: string;
}

/** The category field of the item form. */
export function CategoryPicker({ value, onChange, invalid, errorId }: Props) {
  const { t, lang } = useT();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const name = useId();
  const matches = useMemo(() => searchCategories(query, lang), [query, lang]);
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
      {matches.length === 0 ? (
        <p className="hint">{t('form.category.none', { query })}</p>
      ) : (
        <div className="tile-grid">
          {matches.map((c) => (
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
        </div>
      )}
    </fieldset>
  );
}
