// All appliances of the region this device knows of, newest first — the home of the workshop
// phone and the coordinator until their own screens exist, and a quick way to find a code.
import { useId, useState } from 'react';
import { formatCode, hlcWallMs } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useRecentItems } from '../../storage';
import { itemTitle } from '../intake/itemLabel';
import { Breakable } from '../../ui/Breakable';
import { FirstSyncNotice } from '../sync/PullProgress';

const PAGE = 50;

/** The appliance list with a search field. */
export function ItemsScreen() {
  const tr = useT();
  const { t, tn, lang } = tr;
  const go = useNavigation((s) => s.go);
  const [search, setSearch] = useState('');
  const searchId = useId();
  const result = useRecentItems(search, PAGE);
  return (
    <>
      <h1>
        {t('items.title')} <span className="count">({tn('cage.items', result?.total ?? 0)})</span>
      </h1>
      <FirstSyncNotice />
      <div className="field">
        <label htmlFor={searchId}>{t('items.search')}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
          }}
        />
      </div>
      {result === undefined && <p role="status">{t('common.loading')}</p>}
      {result?.total === 0 && <p className="hint">{t('items.empty')}</p>}
      <ul className="item-list panel">
        {result?.items.map((item) => (
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
                <Breakable text={itemTitle(item, lang)} />
              </span>
              <span className={`badge badge-${item.status}`}>{t(`status.${item.status}`)}</span>
              <span className="muted">
                {item.registeredAt ? tr.dateTime(hlcWallMs(item.registeredAt)) : ''}
              </span>
            </button>
          </li>
        ))}
      </ul>
      {result && result.total > result.items.length && (
        <p className="hint">{t('items.more', { count: result.total - result.items.length })}</p>
      )}
    </>
  );
}
