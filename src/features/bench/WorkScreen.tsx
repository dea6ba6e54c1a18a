// The workshop phone's home: scan an item (or a cage), and the queue of items that arrived and
// are not finished, oldest first, filtered by status and category.
import { useId, useMemo, useState } from 'react';
import { CATEGORIES, formatCode, hlcWallMs } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useWorkQueue, type QueueStatus } from '../../storage';
import { itemTitle } from '../intake/itemLabel';
import { ScanPanel } from '../intake/ScanPanel';
import { useSiteName } from '../setup/names';
import { useShopScanHandler } from './useShopScanHandler';
import { Breakable } from '../../ui/Breakable';
import { FirstSyncNotice } from '../sync/PullProgress';

const FILTERS = {
  open: ['received', 'in-repair'],
  received: ['received'],
  'in-repair': ['in-repair'],
  'for-sale': ['for-sale'],
} as const satisfies Record<string, readonly QueueStatus[]>;
type Filter = keyof typeof FILTERS;
const FILTER_NAMES = Object.keys(FILTERS) as Filter[];
const DAY_MS = 24 * 60 * 60 * 1000;
const SHOWN = 100;

/** The workshop home. */
export function WorkScreen({ active }: { active: boolean }) {
  const tr = useT();
  const { t, tn, lang } = tr;
  const go = useNavigation((s) => s.go);
  const onScan = useShopScanHandler();
  const siteName = useSiteName();
  const [filter, setFilter] = useState<Filter>('open');
  const [category, setCategory] = useState<number | null>(null);
  const categoryId = useId();
  const queue = useWorkQueue(FILTERS[filter], category);
  // In the reader's alphabet, not the reference list's English order.
  const categories = useMemo(() => tr.sortBy(CATEGORIES, (c) => c.name[lang]), [tr, lang]);
  // Read once per render: a queue left open shows ages as of its last change, which is enough.
  const [now] = useState(() => Date.now());
  return (
    <>
      <h1>{t('work.title')}</h1>
      <FirstSyncNotice />
      <ScanPanel active={active} onScan={onScan} title="work.scan" />
      <section aria-labelledby="queue-title">
        <h2 id="queue-title">
          {t('work.queue')} <span className="count">({queue?.length ?? 0})</span>
        </h2>
        <fieldset className="choice-row">
          <legend>{t('work.filter.status')}</legend>
          {FILTER_NAMES.map((name) => (
            <button
              key={name}
              type="button"
              className="btn btn-light btn-small"
              aria-pressed={filter === name}
              onClick={() => {
                setFilter(name);
              }}
            >
              {t(`work.filter.${name}`)}
            </button>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={categoryId}>{t('work.filter.category')}</label>
          <select
            id={categoryId}
            value={category ?? ''}
            onChange={(e) => {
              setCategory(e.target.value === '' ? null : Number(e.target.value));
            }}
          >
            <option value="">{t('work.filter.all')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name[lang]}
              </option>
            ))}
          </select>
        </div>
        {queue === undefined && <p role="status">{t('common.loading')}</p>}
        {queue?.length === 0 && <p className="hint">{t('work.empty')}</p>}
        <ul className="item-list panel">
          {queue?.slice(0, SHOWN).map((item) => {
            const since = item.receivedAt ?? item.registeredAt;
            const days = since ? Math.floor((now - hlcWallMs(since)) / DAY_MS) : null;
            return (
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
                    {siteName(item.site)}
                    {days !== null && ` · ${days > 0 ? tn('work.days', days) : t('work.today')}`}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
        {queue && queue.length > SHOWN && (
          <p className="hint">{t('items.more', { count: queue.length - SHOWN })}</p>
        )}
      </section>
    </>
  );
}
