// The queue board (/cafe/bord): a big screen in the hall, read from 5 m. Per skill the waiting
// numbers in order, and who is at which table. Read-only, from this device's projections, which
// the sync keeps fresh while online; no person needs to be chosen.
import { queueFor, ticketLabel, type CafeSkill, type VisitState } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useLastSync, useOpenSession, useVisitsOfSession, type SessionRow } from '../../storage';
import { useDeviceProfile } from '../setup/deviceProfile';
import { useQuickSync } from '../sync/syncContext';
import { skillName } from './cafeWords';
import './cafe.css';

const BOARD_PULL_MS = 1_000;

/** The board screen. */
export function BoardScreen() {
  const { t } = useT();
  const profile = useDeviceProfile();
  const session = useOpenSession(profile?.siteId ?? '');
  const visits = useVisitsOfSession(session?.code ?? null);
  const go = useNavigation((s) => s.go);
  // The hall watches this screen: it asks the server for news every second while it is shown
  // (the app's usual pace is every 5 s), so a check-in at the door is up within about 2 s.
  useQuickSync(BOARD_PULL_MS);
  return (
    <div className="cafe-board">
      <h1>{t('cafe.board.title')}</h1>
      {session === null && <p>{t('cafe.board.none-open')}</p>}
      {session && visits && <Board session={session} visits={visits} />}
      <button
        type="button"
        className="btn btn-light no-print"
        onClick={() => {
          go({ name: 'intake' });
        }}
      >
        ← {t('cafe.visit.back')}
      </button>
    </div>
  );
}

function Board({ session, visits }: { session: SessionRow; visits: VisitState[] }) {
  const { t, time } = useT();
  const lastSync = useLastSync();
  // The skills of the day's tables, then any a visitor waits for that no table has.
  const skills: CafeSkill[] = [];
  for (const skill of [
    ...session.tables.map((table) => table.skill),
    ...visits.flatMap((v) => (v.status === 'waiting' && v.skill ? [v.skill] : [])),
  ])
    if (!skills.includes(skill)) skills.push(skill);
  return (
    <>
      <div className="cafe-board-grid">
        {skills.map((skill) => {
          const queue = queueFor(visits, skill);
          const headingId = `board-${skill}`;
          return (
            <section key={skill} className="cafe-board-queue" aria-labelledby={headingId}>
              <h2 id={headingId}>{skillName(t, skill)}</h2>
              {queue.length === 0 ? (
                <p className="cafe-board-empty">{t('cafe.board.nobody')}</p>
              ) : (
                <ol aria-label={`${t('cafe.board.waiting')}: ${skillName(t, skill)}`}>
                  {queue.map((visit) => (
                    <li key={visit.ticket}>{ticketLabel(visit)}</li>
                  ))}
                </ol>
              )}
            </section>
          );
        })}
      </div>
      <section className="cafe-board-tables" aria-labelledby="board-tables">
        <h2 id="board-tables">{t('cafe.board.tables')}</h2>
        <ul>
          {session.tables.map((table) => {
            const here = visits.filter(
              (v) => v.status === 'at-table' && v.claim?.table === table.name,
            );
            return (
              <li key={table.name} data-table={table.name}>
                <span>{table.name}</span>
                {here.length === 0 ? (
                  <span className="cafe-board-empty">{t('cafe.board.free')}</span>
                ) : (
                  <strong>{here.map(ticketLabel).join(', ')}</strong>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      {typeof lastSync === 'number' && (
        <p className="cafe-board-updated">{t('cafe.board.updated', { time: time(lastSync) })}</p>
      )}
    </>
  );
}
