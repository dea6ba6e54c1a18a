// "Alle regio's": the figures of every region the signed-in person is granted, from the server
// (this browser holds one region's data only): the total as the usual cards, and the regions side
// by side with their total in one table. Online only; it says so plainly when offline.
import { useEffect, useId, useState } from 'react';
import type { FigureFilter, Figures } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { createApi } from '../../sync/api';
import { figuresApi, type FiguresByRegion } from '../../sync/figuresApi';
import { useSyncStatus } from '../../sync/status';
import { useSession } from '../setup/session';
import { serverProblem } from './downloads';
import { FigureSummary } from './FigureSummary';

interface Loaded {
  /** Which request this answers (see keyOf): an answer to an earlier filter is not shown. */
  key: string;
  data?: FiguresByRegion;
  error?: MessageKey;
}

const keyOf = (filter: FigureFilter, region: string | null, round: number) =>
  JSON.stringify([filter.from, filter.to, filter.category ?? null, region, round]);

/** The figures over regions for the filter (period and category) and `region` (null: all). */
export function RegionFigures({ filter, region }: { filter: FigureFilter; region: string | null }) {
  const { t } = useT();
  const { profile } = useSession();
  const online = useSyncStatus((s) => s.online);
  const [round, setRound] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const key = keyOf(filter, region, round);
  useEffect(() => {
    // Unknown (null) is tried: the first health check may not have answered yet.
    if (online === false) return;
    let live = true;
    figuresApi(createApi({ token: profile.token }))
      .byRegion(filter, region)
      .then(
        (data) => {
          if (live) setLoaded({ key, data });
        },
        (error: unknown) => {
          console.error('figures over regions failed', error);
          if (live) setLoaded({ key, error: serverProblem(error, 'regions') });
        },
      );
    return () => {
      live = false;
    };
  }, [profile.token, filter, region, online, key]);

  if (online === false) {
    return (
      <p className="notice notice-warn" role="status" data-testid="regions-offline">
        {t('figures.regions.offline')}
      </p>
    );
  }
  const current = loaded?.key === key ? loaded : null;
  return (
    <>
      <p className="notice">{t('figures.regions.note')}</p>
      {current === null && <p role="status">{t('figures.regions.loading')}</p>}
      {current?.error && (
        <div className="message message-error" role="alert">
          <p>{t(current.error)}</p>
          <button
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => {
              setRound((n) => n + 1);
            }}
          >
            {t('figures.regions.retry')}
          </button>
        </div>
      )}
      {current?.data && (
        <>
          <FigureSummary figures={current.data.total} title={t('figures.regions.title')} />
          <RegionTable answer={current.data} />
        </>
      )}
    </>
  );
}

type Row = [MessageKey, (f: Figures) => string];

/** The regions side by side and their total, one row per figure. Wider than a phone: the table
 * scrolls sideways inside its own focusable region, the figure names staying in view. */
function RegionTable({ answer }: { answer: FiguresByRegion }) {
  const tr = useT();
  const { t, tn } = tr;
  const ids = { caption: useId(), help: useId() };
  const count = (n: number) => tr.number(n, 0);
  const kg = (n: number) => tr.number(n, 1);
  const pct = (n: number | null) => (n === null ? '—' : tr.percent(n));
  const days = (n: number | null) => (n === null ? '—' : tn('figures.days', Math.round(n)));
  const rows: Row[] = [
    ['figures.registered', (f) => count(f.registered.count)],
    ['figures.regions.registered-kg', (f) => kg(f.registered.kg)],
    ['figures.received', (f) => count(f.received.count)],
    ['figures.missing', (f) => count(f.missing.count)],
    ['figures.tested', (f) => count(f.tested.count)],
    ['figures.repaired', (f) => count(f.repaired.count)],
    ['figures.for-sale', (f) => count(f.forSale.count)],
    ['figures.sold', (f) => count(f.sold.count)],
    ['figures.regions.sold-kg', (f) => kg(f.sold.kg)],
    ['figures.regions.revenue', (f) => tr.money(f.sold.revenueEur)],
    ['figures.rejected', (f) => count(f.rejected.count)],
    ['figures.regions.labour', (f) => tr.number(f.labourMinutes / 60, 1)],
    ['figures.regions.co2e', (f) => kg(f.co2eAvoidedKg)],
    ['figures.regions.waste', (f) => kg(f.wasteAvoidedKg)],
    ['figures.reuse-rate', (f) => pct(f.reuseRate)],
    ['figures.repair-rate', (f) => pct(f.repairRate)],
    ['figures.days-to-shelf', (f) => days(f.medianDaysParkToShelf)],
    ['figures.days-to-sale', (f) => days(f.medianDaysParkToSale)],
  ];
  const columns = [
    ...answer.regions.map((r) => ({ id: r.id, name: r.name, figures: r.figures })),
    { id: 'total', name: t('figures.regions.total'), figures: answer.total },
  ];
  return (
    <>
      <div
        className="table-scroll"
        role="region"
        aria-labelledby={ids.caption}
        aria-describedby={ids.help}
        // Focusable, so the table can be scrolled sideways with the keyboard.
        tabIndex={0}
      >
        <table className="data-table region-table" data-testid="region-table">
          <caption id={ids.caption}>{t('figures.regions.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.regions.figure')}</th>
              {columns.map((c) => (
                <th key={c.id} scope="col" data-region={c.id}>
                  {c.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label} data-figure={label}>
                <th scope="row">{t(label)}</th>
                {columns.map((c) => (
                  <td key={c.id} data-region={c.id}>
                    {value(c.figures)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={ids.help} className="hint">
        {t('figures.regions.table.help')}
      </p>
    </>
  );
}
