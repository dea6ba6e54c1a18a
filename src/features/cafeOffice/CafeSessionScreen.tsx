// One café day on the organiser's laptop: its figures, its visits with their outcome, closing it
// (volunteers and hours) or opening it again, and its files (ORDS, visits).
import { useMemo, useState, type SyntheticEvent } from 'react';
import {
  cafeFigures,
  kindWords,
  ticketLabel,
  type SessionState,
  type VisitState,
} from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { useNavigation } from '../../state/navigation';
import { TextField } from '../../ui/TextField';
import { useToast } from '../../ui/toast';
import { useSession } from '../setup/session';
import { useCommand } from '../useCommand';
import { CafeExports } from './CafeExports';
import { CafeFigureCards } from './CafeFigureCards';
import {
  closeCafeSession,
  reopenCafeSession,
  useAllVisits,
  useCafeSession,
  useSessions,
} from './cafeData';
import { CafeMethod } from './CafeMethod';
import { useCafeSites } from './cafeSites';

function VisitStateText({ visit }: { visit: VisitState }) {
  const { t } = useT();
  if (visit.outcome) return <>{t(`cafe.office.outcome.${visit.outcome.status}`)}</>;
  if (visit.status === 'at-table')
    return <>{t('cafe.office.visit.at-table', { table: visit.claim?.table ?? '' })}</>;
  if (visit.status === 'checked-out') return <>{t('cafe.office.visit.out')}</>;
  return <>{t('cafe.office.visit.waiting')}</>;
}

/** The page of the café day `code`. */
export function CafeSessionScreen({ code }: { code: string }) {
  const tr = useT();
  const { t, lang } = tr;
  const go = useNavigation((s) => s.go);
  const session = useCafeSession(code);
  const sessions = useSessions();
  const allVisits = useAllVisits();
  const cafes = useCafeSites();
  const visits = useMemo(
    () =>
      (allVisits ?? [])
        .filter((v) => v.session === code && v.checkedIn)
        .sort(
          (a, b) => (a.door ?? '').localeCompare(b.door ?? '') || (a.number ?? 0) - (b.number ?? 0),
        ),
    [allVisits, code],
  );
  const filter = useMemo(
    () => ({
      from: session?.date ?? '0000-01-01',
      to: session?.date ?? '9999-12-31',
      session: code,
    }),
    [session, code],
  );
  const figures = useMemo(
    () => (session ? cafeFigures(visits, [session], filter) : null),
    [visits, session, filter],
  );
  const back = (
    <p className="no-print">
      <a
        href="/cafe/sessies"
        onClick={(e) => {
          e.preventDefault();
          go({ name: 'cafe-sessions' });
        }}
      >
        ← {t('cafe.office.session.back')}
      </a>
    </p>
  );
  if (session === undefined) return <p role="status">{t('common.loading')}</p>;
  if (session === null)
    return (
      <div className="cafe-office">
        {back}
        <h1>{t('cafe.office.sessions.title')}</h1>
        <p className="notice notice-warn">{t('cafe.office.session.unknown')}</p>
      </div>
    );
  const date = session.date === null ? '?' : tr.date(Date.parse(`${session.date}T12:00:00Z`));
  const cafeName = cafes.find((c) => c.id === session.site)?.name ?? session.site ?? '';
  return (
    <div className="cafe-office">
      {back}
      <h1>{t('cafe.office.session.title', { date })}</h1>
      <p>
        <strong>{cafeName}</strong>
        {session.venue && ` · ${session.venue}`} ·{' '}
        <span className={`badge badge-session-${session.status}`}>
          {t(`cafe.office.status.${session.status}`)}
        </span>
        <br />
        <span className="muted">
          {t('cafe.office.session.tables', {
            tables: session.tables
              .map((table) => `${table.name} (${t(`cafe.office.skill.${table.skill}`)})`)
              .join(', '),
          })}
        </span>
        {session.status === 'closed' && session.volunteers !== null && (
          <>
            <br />
            <span className="muted">
              {t('cafe.office.session.volunteers', {
                volunteers: session.volunteers,
                hours: tr.number(session.volunteerHours ?? 0, 1),
              })}
            </span>
          </>
        )}
      </p>
      {figures && (
        <CafeFigureCards
          figures={figures}
          title={t('figures.summary')}
          id="session-figures-title"
          oneSession
        />
      )}
      <section aria-labelledby="session-visits-title">
        <h2 id="session-visits-title">{t('cafe.office.session.visits')}</h2>
        {visits.length === 0 ? (
          <p>{t('cafe.office.session.novisits')}</p>
        ) : (
          <div
            className="table-scroll"
            role="region"
            aria-labelledby="session-visits-title"
            tabIndex={0}
          >
            <table className="data-table cafe-visits">
              <thead>
                <tr>
                  <th scope="col">{t('cafe.office.visit.col.number')}</th>
                  <th scope="col">{t('cafe.office.visit.col.kind')}</th>
                  <th scope="col">{t('cafe.office.visit.col.problem')}</th>
                  <th scope="col">{t('cafe.office.visit.col.state')}</th>
                  <th scope="col">{t('cafe.office.visit.col.minutes')}</th>
                </tr>
              </thead>
              <tbody>
                {visits.map((v) => (
                  <tr key={v.ticket} data-ticket={v.ticket}>
                    <th scope="row">{ticketLabel(v)}</th>
                    <td className="cell-text">
                      {kindWords(v, lang)}
                      {v.brand && <span className="muted"> · {v.brand}</span>}
                    </td>
                    <td className="cell-text">{v.outcome?.fault ?? v.problem}</td>
                    <td className="cell-text">
                      <VisitStateText visit={v} />
                    </td>
                    <td>{v.outcome?.minutes ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <SessionActions key={`${session.code}-${session.status}`} session={session} />
      <CafeExports
        visits={allVisits ?? []}
        sessions={sessions ?? [session]}
        filter={filter}
        kinds={['ords', 'visits']}
      />
      <CafeMethod />
    </div>
  );
}

/** Close an open café day (volunteers, hours), or open a closed one again. */
function SessionActions({ session }: { session: SessionState }) {
  const { t } = useT();
  const { author } = useSession();
  const run = useCommand();
  const show = useToast((s) => s.show);
  const [volunteers, setVolunteers] = useState('');
  const [hours, setHours] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  if (session.status === 'closed')
    return (
      <div className="form-actions form-actions-start no-print">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            void run(async () => {
              await reopenCafeSession(author, session);
              show(t('cafe.office.reopen.done'));
            });
          }}
        >
          {t('cafe.office.reopen')}
        </button>
      </div>
    );
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const n = Number(volunteers.trim());
    const h = Number(hours.trim().replace(',', '.'));
    const ok =
      volunteers.trim() !== '' &&
      hours.trim() !== '' &&
      Number.isInteger(n) &&
      n >= 0 &&
      n <= 1000 &&
      Number.isFinite(h) &&
      h >= 0 &&
      h <= 10_000;
    if (!ok) {
      setError('cafe.office.close.error');
      return;
    }
    setError(null);
    void run(async () => {
      await closeCafeSession(author, session, { volunteers: n, volunteerHours: h });
      show(t('cafe.office.close.done'));
    });
  };
  return (
    <form className="panel close-session no-print" onSubmit={submit} noValidate>
      <h2>{t('cafe.office.close.title')}</h2>
      <TextField
        label={t('cafe.office.close.volunteers')}
        value={volunteers}
        onChange={setVolunteers}
        inputMode="numeric"
        aria-invalid={error !== null}
      />
      <TextField
        label={t('cafe.office.close.hours')}
        value={hours}
        onChange={setHours}
        inputMode="decimal"
        aria-invalid={error !== null}
      />
      {error && (
        <p className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      <button type="submit" className="btn btn-primary">
        {t('cafe.office.close.submit')}
      </button>
    </form>
  );
}
