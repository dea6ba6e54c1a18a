// The host's door (/cafe): the open café day (or the form that opens it), the check-in form and
// the ticket just given side by side, the day's visits with their check-out, and its closing.
import { useId, useState } from 'react';
import { formatCode } from '../../domain';
import { useT } from '../../i18n/i18n';
import {
  localDay,
  useMeta,
  useOpenSession,
  useRefusedContacts,
  useVisitsOfSession,
  writeMeta,
  type CheckedIn,
} from '../../storage';
import { useSession } from '../setup/session';
import { contactRefusalText } from './cafeWords';
import { CheckInForm } from './CheckInForm';
import { CloseSessionForm } from './CloseSessionForm';
import { DoorVisits } from './DoorVisits';
import { OpenSessionForm } from './OpenSessionForm';
import { TicketCard } from './TicketCard';
import './cafe.css';

/** Meta key: this door tablet's letter (A, B …) when a café day has more than one door. */
export const DOOR_LETTER = 'cafeDoorLetter';
const LETTERS = ['A', 'B', 'C', 'D'];

/** The door screen. */
export function DoorScreen() {
  const { t, date } = useT();
  const { profile } = useSession();
  const session = useOpenSession(profile.siteId);
  const visits = useVisitsOfSession(session?.code ?? null);
  const letter = useMeta(DOOR_LETTER);
  const door = typeof letter === 'string' && letter ? letter : null;
  const [ticket, setTicket] = useState<CheckedIn | null>(null);
  const [formKey, setFormKey] = useState(0);
  // The day the door opened on (a door tablet is started each café day).
  const [today] = useState(() => localDay(Date.now()));

  if (session === undefined) return <p role="status">{t('common.loading')}</p>;
  if (session === null) return <OpenSessionForm />;
  return (
    <div className="cafe-door">
      <h1>
        {t('cafe.door.title')} ·{' '}
        <span className="muted">
          {t('cafe.door.session', { date: date(Date.parse(`${session.date ?? ''}T12:00:00`)) })}
          {session.venue ? ` · ${session.venue}` : ''}
        </span>
      </h1>
      {session.date !== null && session.date < today && (
        // A day left open last time: new visitors belong to today's, not to that one.
        <p className="notice" role="status">
          {t('cafe.door.old-session')}
        </p>
      )}
      <RefusedContacts />
      <div className="cafe-door-layout">
        <div className="panel cafe-door-form">
          <CheckInForm
            key={formKey}
            session={session}
            door={door}
            onCheckedIn={(done) => {
              setTicket(done);
              // The ticket first; a fresh form (its kind search too) for the next visitor in the
              // frame after, so rebuilding the form never delays the ticket.
              requestAnimationFrame(() => {
                setFormKey((k) => k + 1);
                window.scrollTo(0, 0);
              });
            }}
          />
        </div>
        <div className="cafe-door-side">
          {ticket && (
            <TicketCard
              ticket={ticket}
              onNext={() => {
                setTicket(null);
                // The next visitor starts at the kind search.
                requestAnimationFrame(() => {
                  document
                    .querySelector<HTMLInputElement>('.cafe-checkin input[type=search]')
                    ?.focus();
                });
              }}
            />
          )}
          <DoorVisits visits={visits ?? []} />
          <CloseSessionForm session={session} visits={visits ?? []} />
          <DoorLetter value={door} />
        </div>
      </div>
    </div>
  );
}

function DoorLetter({ value }: { value: string | null }) {
  const { t } = useT();
  const id = useId();
  return (
    <details className="panel no-print">
      <summary>{t('cafe.door.letter')}</summary>
      <div className="field">
        <label htmlFor={id}>{t('cafe.door.letter')}</label>
        <select
          id={id}
          value={value ?? ''}
          onChange={(e) => void writeMeta(DOOR_LETTER, e.target.value || null)}
        >
          <option value="">{t('cafe.door.letter.none')}</option>
          {LETTERS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <p className="hint">{t('cafe.door.letter.hint')}</p>
      </div>
    </details>
  );
}

function RefusedContacts() {
  const { t, tn } = useT();
  const refused = useRefusedContacts();
  if (!refused || refused.length === 0) return null;
  return (
    <div className="notice notice-warn" role="status">
      <p>{tn('cafe.contacts.refused', refused.length)}</p>
      <ul>
        {refused.map((row) => (
          <li key={row.ticket}>
            <span className="code">{formatCode(row.ticket)}</span>:{' '}
            {row.refused && contactRefusalText(t, row.refused)}
          </li>
        ))}
      </ul>
    </div>
  );
}
