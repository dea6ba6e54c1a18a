// A repair café's figures as labelled numbers, with the barriers of the items given up on and the
// kinds brought most: for one session (its page) or a period (Cijfers).
import { Fragment } from 'react';
import { BARRIER_WORDS, kindWords, type CafeFigures } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';

/** The café figures under the heading `title` (with the id `id`). */
export function CafeFigureCards({
  figures: f,
  title,
  id,
  oneSession = false,
}: {
  figures: CafeFigures;
  title: string;
  id: string;
  /** A session's own page: no count of sessions. */
  oneSession?: boolean;
}) {
  const tr = useT();
  const { t, tn, lang } = tr;
  const share = (s: number | null) =>
    s === null ? [] : [t('cafe.office.figures.share', { share: tr.percent(s) })];
  const cards: [MessageKey, string[]][] = [
    ...(oneSession
      ? []
      : [['cafe.office.figures.sessions', [tr.number(f.sessions, 0)]] as [MessageKey, string[]]]),
    [
      'cafe.office.figures.visits',
      [
        tr.number(f.visits, 0),
        ...(f.unpowered > 0 ? [t('cafe.office.figures.unpowered', { count: f.unpowered })] : []),
      ],
    ],
    ['cafe.office.figures.fixed', [tr.number(f.fixed.count, 0), ...share(f.fixed.share)]],
    [
      'cafe.office.figures.repairable',
      [tr.number(f.repairable.count, 0), ...share(f.repairable.share)],
    ],
    ['cafe.office.figures.eol', [tr.number(f.endOfLife.count, 0), ...share(f.endOfLife.share)]],
    ['cafe.office.figures.co2e', [tr.kg(f.co2eAvoidedKg)]],
    ['cafe.office.figures.waste', [tr.kg(f.wasteAvoidedKg)]],
    ['cafe.office.figures.hours', [tr.hours(f.volunteerHours)]],
    ['cafe.office.figures.minutes', [tr.minutes(f.fixerMinutes)]],
  ];
  return (
    <section aria-labelledby={id} className="cafe-figures">
      <h2 id={id}>{title}</h2>
      <dl className="figure-grid">
        {cards.map(([key, parts]) => (
          <div key={key} className="figure-card" data-figure={key}>
            <dt>{t(key)}</dt>
            <dd>
              {parts.map((part, i) => (
                // The parts keep their order: the index is a stable key.
                <Fragment key={i}>
                  <span className={i === 0 ? 'nowrap' : 'figure-note'}>{part}</span>
                </Fragment>
              ))}
            </dd>
          </div>
        ))}
      </dl>
      {f.fixedUnweighed > 0 && (
        <p className="hint">{tn('cafe.office.figures.unweighed', f.fixedUnweighed)}</p>
      )}
      <div className="two-tables">
        <table className="data-table">
          <caption>{t('cafe.office.figures.barriers')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cafe.office.figures.reason')}</th>
              <th scope="col">{t('figures.count')}</th>
            </tr>
          </thead>
          <tbody>
            {f.barriers.map((count, i) => (
              <tr key={i}>
                <th scope="row">{BARRIER_WORDS[i]?.[lang]}</th>
                <td>{count}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('cafe.office.figures.nobarrier')}</th>
              <td>{f.noBarrier}</td>
            </tr>
          </tbody>
        </table>
        <table className="data-table">
          <caption>{t('cafe.office.figures.kinds')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cafe.office.visit.col.kind')}</th>
              <th scope="col">{t('figures.count')}</th>
            </tr>
          </thead>
          <tbody>
            {f.topKinds.map((k) => (
              <tr key={`${String(k.category)}-${k.unpoweredKind ?? ''}`}>
                <th scope="row">{kindWords(k, lang)}</th>
                <td>{k.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
