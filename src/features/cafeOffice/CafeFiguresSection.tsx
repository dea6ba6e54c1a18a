// The café part of the Cijfers screen: the figures of the period (all cafés, the café chosen in
// the screen's filter, or one of its sessions), the café files, and the café method. The pilot's
// figures above it stay as they are.
import { useMemo, useState } from 'react';
import { cafeFigures, cafeSessionsIn, type CafeFilter } from '../../domain';
import { useT } from '../../i18n/i18n';
import { CafeExports } from './CafeExports';
import { CafeFigureCards } from './CafeFigureCards';
import { useAllVisits, useSessions } from './cafeData';
import { CafeMethod } from './CafeMethod';
import type { CafeExportKind } from './cafeExports';

/** The café figures of the period `from`–`to`, for the café `site` (all when ''). */
export function CafeFiguresSection({
  from,
  to,
  site,
  withPilot,
  heading = true,
}: {
  from: string;
  to: string;
  site: string;
  /** Whether this person also has the kringwinkels' data (an ORDS file of both is offered). */
  withPilot: boolean;
  /** Its own heading (not when the screen is the cafés' alone: its title says so). */
  heading?: boolean;
}) {
  const tr = useT();
  const { t } = tr;
  const sessions = useSessions();
  const visits = useAllVisits();
  const [session, setSession] = useState('');
  const period: CafeFilter = useMemo(
    () => ({ from, to, ...(site ? { site } : {}) }),
    [from, to, site],
  );
  const inPeriod = useMemo(() => cafeSessionsIn(sessions ?? [], period), [sessions, period]);
  // A session chosen before the period or café changed no longer applies.
  const chosen = inPeriod.some((s) => s.code === session) ? session : '';
  const filter = useMemo(
    () => ({ ...period, ...(chosen ? { session: chosen } : {}) }),
    [period, chosen],
  );
  const figures = useMemo(
    () => (sessions && visits ? cafeFigures(visits, sessions, filter) : null),
    [visits, sessions, filter],
  );
  const kinds: CafeExportKind[] = [
    'ords',
    ...(withPilot ? (['ords-all'] as const) : []),
    'visits',
    'sessions',
    'xlsx',
  ];
  const day = (date: string | null) =>
    date === null ? '?' : tr.date(Date.parse(`${date}T12:00:00Z`));
  return (
    <section
      className={heading ? 'cafe-figures-section' : undefined}
      aria-label={heading ? undefined : t('cafe.office.figures.title')}
      aria-labelledby={heading ? 'cafe-figures-title' : undefined}
    >
      {heading && (
        <h2 id="cafe-figures-title" className="section-title">
          {t('cafe.office.figures.title')}
        </h2>
      )}
      <div className="filters panel no-print">
        <div className="field">
          <label htmlFor="cafe-session-filter">{t('cafe.office.figures.session')}</label>
          <select
            id="cafe-session-filter"
            value={chosen}
            onChange={(e) => {
              setSession(e.target.value);
            }}
          >
            <option value="">{t('cafe.office.figures.session.all')}</option>
            {inPeriod.map((s) => (
              <option key={s.code} value={s.code}>
                {day(s.date)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {figures === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : figures.sessions === 0 && figures.visits === 0 ? (
        <p className="panel">{t('cafe.office.figures.none')}</p>
      ) : (
        <CafeFigureCards figures={figures} title={t('figures.summary')} id="cafe-summary-title" />
      )}
      {figures !== null && (figures.sessions > 0 || figures.visits > 0) && (
        <CafeExports
          visits={visits ?? []}
          sessions={sessions ?? []}
          filter={filter}
          kinds={kinds}
        />
      )}
      <CafeMethod />
    </section>
  );
}
