// The fixer's table (/cafe/tafel, phone first): pick my table once, take the next visitor of my
// table's skill, or open a ticket by scan or code; record the outcome or put it back in the queue.
// A claim that lost to an earlier one (two phones offline) is told plainly, with the next offered.
import { lazy, Suspense, useId, useState, type SyntheticEvent } from 'react';
import { lostClaimOf, queueFor, ticketLabel, type VisitState } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { releaseVisit, useOpenSession, useVisitsOfSession, type SessionRow } from '../../storage';
import { useCommand } from '../useCommand';
import { useSession } from '../setup/session';
import { useQuickSync } from '../sync/syncContext';
import { personName, skillName } from './cafeWords';
import {
  chooseTable,
  claimNext,
  forgetClaim,
  ticketOf,
  useMyClaim,
  useMyTable,
  type MyClaim,
} from './fixerState';
import { OutcomeForm } from './OutcomeForm';
import { VisitCard } from './VisitCard';
import './cafe.css';

const CameraScanner = lazy(() =>
  import('../intake/CameraScanner').then((m) => ({ default: m.CameraScanner })),
);

/** How often the table asks for news while shown: a visitor checked in at the door is in the
 * fixer's "next" within about that, rather than the app's usual 5 s. */
const TABLE_PULL_MS = 2_000;

/** The fixer's screen. */
export function TableScreen() {
  const { t } = useT();
  const { profile } = useSession();
  useQuickSync(TABLE_PULL_MS);
  const session = useOpenSession(profile.siteId);
  const visits = useVisitsOfSession(session?.code ?? null);
  const tableName = useMyTable();
  const claim = useMyClaim();
  if (session === undefined || tableName === undefined || claim === undefined || !visits)
    return <p role="status">{t('common.loading')}</p>;
  if (session === null)
    return (
      <div className="cafe-table">
        <h1>{t('cafe.table.title')}</h1>
        <p className="notice">{t('cafe.table.none-open')}</p>
      </div>
    );
  const table = session.tables.find((x) => x.name === tableName);
  if (!table) return <TablePicker session={session} />;
  return (
    <div className="cafe-table">
      <h1>
        {t('cafe.table.title')} ·{' '}
        <span className="muted">
          {t('cafe.table.which', { table: table.name, skill: skillName(t, table.skill) })}
        </span>
      </h1>
      <Work visits={visits} claim={claim} table={table} />
    </div>
  );
}

function TablePicker({ session }: { session: SessionRow }) {
  const { t } = useT();
  return (
    <div className="cafe-table">
      <h1>{t('cafe.table.pick')}</h1>
      <ul className="person-list">
        {session.tables.map((table) => (
          <li key={table.name}>
            <button
              type="button"
              className="btn btn-secondary btn-large btn-block"
              onClick={() => void chooseTable(table.name)}
            >
              {t('cafe.table.which', { table: table.name, skill: skillName(t, table.skill) })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Work({
  visits,
  claim,
  table,
}: {
  visits: VisitState[];
  claim: MyClaim | null;
  table: SessionRow['tables'][number];
}) {
  const { t, tn } = useT();
  const { author, profile } = useSession();
  const run = useCommand();
  const current = claim ? visits.find((v) => v.ticket === claim.ticket) : undefined;
  const lost = current && claim ? lostClaimOf(current, claim.event) : undefined;
  const waiting = queueFor(visits, table.skill).length;
  const next = () => run(() => claimNext(author, visits, table.skill, table.name));

  if (current && claim && lost) {
    const label = ticketLabel(current);
    const who = current.claim ? personName(profile, current.claim.actor) : '';
    return (
      <section className="panel cafe-lost" role="alert">
        <p>
          {lost.heldBy
            ? t('cafe.table.lost', { label, table: lost.heldBy, who })
            : t('cafe.table.lost.done', { label })}
        </p>
        <div className="form-actions">
          <button type="button" className="btn btn-secondary" onClick={() => void forgetClaim()}>
            {t('cafe.table.lost.ok')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={waiting === 0}
            onClick={() => void forgetClaim().then(next)}
          >
            {t('cafe.table.lost.next')}
          </button>
        </div>
      </section>
    );
  }
  if (current && claim && current.claim?.event === claim.event && current.status === 'at-table') {
    return (
      <>
        <section className="panel cafe-current">
          <VisitCard visit={current} />
          <button
            type="button"
            className="btn btn-secondary btn-block"
            onClick={() =>
              void run(async () => {
                await releaseVisit(author, current.ticket);
                await forgetClaim();
              })
            }
          >
            ↩ {t('cafe.visit.release')}
          </button>
        </section>
        <section className="panel">
          <OutcomeForm visit={current} onDone={() => void forgetClaim()} />
        </section>
      </>
    );
  }
  return (
    <>
      <section className="panel">
        <button
          type="button"
          className="btn btn-primary btn-large btn-block"
          disabled={waiting === 0}
          onClick={() => void next()}
        >
          {t('cafe.table.next')}
        </button>
        <p className="hint" role="status">
          {waiting === 0
            ? t('cafe.table.queue.none', { skill: skillName(t, table.skill) })
            : tn('cafe.table.queue', waiting, { skill: skillName(t, table.skill) })}
        </p>
      </section>
      <TicketEntry />
      <button type="button" className="btn btn-light" onClick={() => void chooseTable(null)}>
        {t('cafe.table.change')}
      </button>
    </>
  );
}

/** Opens a visit by its ticket: scanned with the camera or typed. */
function TicketEntry() {
  const { t } = useT();
  const go = useNavigation((s) => s.go);
  const ids = { code: useId(), error: useId() };
  const [code, setCode] = useState('');
  const [error, setError] = useState(false);
  const [camera, setCamera] = useState(false);
  const open = (text: string) => {
    const ticket = ticketOf(text);
    setError(ticket === null);
    if (ticket) go({ name: 'cafe-visit', ticket });
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    open(code);
  };
  return (
    <section className="panel">
      {camera ? (
        <Suspense fallback={<p role="status">{t('scan.camera.loading')}</p>}>
          <CameraScanner
            onDecoded={(text) => {
              setCamera(false);
              open(text);
            }}
            onClose={() => {
              setCamera(false);
            }}
          />
        </Suspense>
      ) : (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={() => {
            setCamera(true);
          }}
        >
          📷 {t('cafe.table.code.scan')}
        </button>
      )}
      <form className="code-form" onSubmit={submit} noValidate>
        <label htmlFor={ids.code}>{t('cafe.table.code')}</label>
        <div className="input-row">
          <input
            id={ids.code}
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="BT…"
            aria-invalid={error}
            aria-describedby={error ? ids.error : undefined}
            onChange={(e) => {
              setCode(e.target.value);
            }}
          />
          <button type="submit" className="btn btn-primary">
            {t('cafe.table.code.open')}
          </button>
        </div>
        {error && (
          <p id={ids.error} className="message message-error" role="alert">
            {t('cafe.table.code.error')}
          </p>
        )}
      </form>
    </section>
  );
}
