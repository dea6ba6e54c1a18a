// Find any appliance of the region on the server, by code or by words (brand, model, kind,
// note) — also ones this laptop has not pulled.
import { useCallback, useId, useState, type SyntheticEvent } from 'react';
import { categoryById, formatCode, hlcWallMs } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import type { AdminApi } from '../../sync/adminApi';
import { useSiteName } from '../setup/names';
import { useAdminLoad } from './useAdmin';

/** The lookup section. */
export function LookupPanel() {
  const tr = useT();
  const { t, lang } = tr;
  const go = useNavigation((s) => s.go);
  const siteName = useSiteName();
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const load = useCallback(
    (api: AdminApi) => (query ? api.items(query) : Promise.resolve({ items: [], total: 0 })),
    [query],
  );
  const { data, error } = useAdminLoad(load);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setQuery(text.trim());
  };
  return (
    <>
      <h2>{t('admin.lookup')}</h2>
      <form className="code-form" onSubmit={submit} role="search">
        <label htmlFor={id}>{t('admin.lookup.label')}</label>
        <div className="input-row">
          <input
            id={id}
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />
          <button type="submit" className="btn btn-secondary">
            {t('admin.lookup.submit')}
          </button>
        </div>
      </form>
      {error && (
        <p className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      {query && data && <p role="status">{t('admin.lookup.found', { count: data.total })}</p>}
      <ul className="item-list panel">
        {data?.items.map((item) => (
          <li key={item.code} data-code={item.code}>
            <button
              type="button"
              className="row-button"
              onClick={() => {
                go({ name: 'item', code: item.code });
              }}
            >
              <span className="code">{formatCode(item.code)}</span>
              <span>
                {item.category === null ? '—' : (categoryById(item.category)?.name[lang] ?? '—')}
                {item.brand && ` · ${item.brand}`}
                {item.model && ` ${item.model}`}
              </span>
              <span className={`badge badge-${item.status}`}>
                {t(`status.${item.status as 'registered'}`)}
              </span>
              <span className="muted">
                {siteName(item.site)}
                {item.registeredAt && ` · ${tr.date(hlcWallMs(item.registeredAt))}`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
