// The figures as a grid of labelled numbers, and the rejections by reason and destination.
import { Fragment } from 'react';
import type { Figures } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';

/** The headline figures of the period, under `title` (default: "Overzicht"). */
export function FigureSummary({ figures: f, title }: { figures: Figures; title?: string }) {
  const tr = useT();
  const { t, tn } = tr;
  const kg = (n: number) => tr.kg(n);
  const pct = (n: number | null) => (n === null ? '—' : tr.percent(n));
  const days = (n: number | null) => (n === null ? '—' : tn('figures.days', Math.round(n)));
  // A card's value in parts ("37", "139,6 kg", "€ 1.145,50"): a narrow card breaks between
  // them, never inside one.
  const amount = (a: { count: number; kg: number }) => [tr.number(a.count, 0), kg(a.kg)];
  const cards: [MessageKey, string | string[]][] = [
    ['figures.registered', amount(f.registered)],
    ['figures.received', amount(f.received)],
    ['figures.missing', amount(f.missing)],
    ['figures.tested', amount(f.tested)],
    ['figures.repaired', amount(f.repaired)],
    ['figures.for-sale', amount(f.forSale)],
    ['figures.sold', [...amount(f.sold), tr.money(f.sold.revenueEur)]],
    ['figures.rejected', amount(f.rejected)],
    ['figures.reuse-rate', pct(f.reuseRate)],
    ['figures.repair-rate', pct(f.repairRate)],
    ['figures.days-to-shelf', days(f.medianDaysParkToShelf)],
    ['figures.days-to-sale', days(f.medianDaysParkToSale)],
    ['figures.labour', [tr.hours(f.labourMinutes / 60), `(${tr.minutes(f.labourMinutes)})`]],
    ['figures.co2e', kg(f.co2eAvoidedKg)],
    ['figures.waste', kg(f.wasteAvoidedKg)],
  ];
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">{title ?? t('figures.summary')}</h2>
      <dl className="figure-grid">
        {cards.map(([key, value]) => (
          <div key={key} className="figure-card" data-figure={key}>
            <dt>{t(key)}</dt>
            <dd>
              {(Array.isArray(value) ? value : [value]).map((part, i) => (
                // The parts of a value keep their order: the index is a stable key.
                <Fragment key={i}>
                  {i > 0 && (part.startsWith('(') ? ' ' : ' · ')}
                  <span className="nowrap">{part}</span>
                </Fragment>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      <div className="two-tables">
        <table className="data-table">
          <caption>{t('figures.rejected.reason')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outcome.reason')}</th>
              <th scope="col">{t('figures.count')}</th>
              <th scope="col">kg</th>
            </tr>
          </thead>
          <tbody>
            {f.rejectedByReason.map((r) => (
              <tr key={String(r.reason)}>
                <th scope="row">{t(`reason.${r.reason}`)}</th>
                <td>{r.count}</td>
                <td>{tr.number(r.kg, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="data-table">
          <caption>{t('figures.rejected.destination')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('outcome.destination')}</th>
              <th scope="col">{t('figures.count')}</th>
              <th scope="col">kg</th>
            </tr>
          </thead>
          <tbody>
            {f.rejectedByDestination.map((d) => (
              <tr key={d.destination}>
                <th scope="row">{t(`destination.${d.destination}`)}</th>
                <td>{d.count}</td>
                <td>{tr.number(d.kg, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
