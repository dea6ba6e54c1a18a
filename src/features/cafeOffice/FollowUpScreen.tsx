// The organiser's follow-up list: repairable items of a café, parts needed first, each with the
// visitor's contact where they consented — read from the server, online only, never stored on
// this device — and "Contact wissen" on the visitor's request (with a confirmation).
import { useEffect, useId, useRef, useState } from 'react';
import {
  followUpList,
  kindWords,
  ticketLabel,
  type CafeContact,
  type FollowUpRow,
} from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { ApiError, createApi } from '../../sync/api';
import { contactsApi } from '../../sync/contactsApi';
import { useSyncStatus } from '../../sync/status';
import { useToast } from '../../ui/toast';
import { useSession } from '../setup/session';
import { useAllVisits, useSessions } from './cafeData';
import { useCafeSites } from './cafeSites';

type Contacts =
  | { state: 'loading' }
  | { state: 'offline' }
  | { state: 'error'; message: MessageKey }
  | { state: 'ready'; contacts: CafeContact[] };

function contactsProblem(error: unknown): MessageKey {
  if (!(error instanceof ApiError)) return 'cafe.office.followup.offline';
  if (error.status === 403) return 'cafe.office.followup.forbidden';
  return 'cafe.office.followup.error';
}

/** The follow-up screen. */
export function FollowUpScreen() {
  const tr = useT();
  const { t } = tr;
  const { profile } = useSession();
  const online = useSyncStatus((s) => s.online);
  const cafes = useCafeSites();
  const [picked, setPicked] = useState<string | null>(null);
  const cafe = picked ?? cafes[0]?.id ?? '';
  const visits = useAllVisits();
  const sessions = useSessions();
  // The answer of the server for one café at one reading (`version` moves on after an erase);
  // until the answer for the current key has come, the contacts are loading.
  const [version, setVersion] = useState(0);
  const [answer, setAnswer] = useState<{ key: string; contacts: Contacts } | null>(null);
  const api = useRef(contactsApi(createApi({ token: profile.token })));
  const key = `${cafe}#${String(version)}`;
  useEffect(() => {
    if (!cafe || online === false) return;
    let current = true;
    api.current.list(cafe).then(
      (reply) => {
        if (current) setAnswer({ key, contacts: { state: 'ready', contacts: reply.contacts } });
      },
      (error: unknown) => {
        const message = contactsProblem(error);
        if (current)
          setAnswer({
            key,
            contacts:
              message === 'cafe.office.followup.offline'
                ? { state: 'offline' }
                : { state: 'error', message },
          });
      },
    );
    return () => {
      current = false;
    };
  }, [cafe, online, key]);
  const contacts: Contacts =
    online === false
      ? { state: 'offline' }
      : answer?.key === key
        ? answer.contacts
        : { state: 'loading' };
  const rows =
    visits && sessions
      ? followUpList(
          visits,
          sessions,
          contacts.state === 'ready' ? contacts.contacts : [],
          cafe || undefined,
        )
      : undefined;
  return (
    <div className="cafe-office">
      <h1>{t('cafe.office.followup.title')}</h1>
      <p className="hint">{t('cafe.office.followup.intro')}</p>
      {cafes.length === 0 && <p className="notice notice-warn">{t('cafe.office.nocafe')}</p>}
      {cafes.length > 1 && (
        <div className="filters panel">
          <div className="field">
            <label htmlFor="followup-cafe">{t('cafe.office.cafe')}</label>
            <select
              id="followup-cafe"
              value={cafe}
              onChange={(e) => {
                setPicked(e.target.value);
              }}
            >
              {cafes.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {contacts.state === 'offline' && (
        <p className="notice notice-warn" role="status">
          {t('cafe.office.followup.offline')}
        </p>
      )}
      {contacts.state === 'error' && (
        <p className="message message-error" role="alert">
          {t(contacts.message)}
        </p>
      )}
      {contacts.state === 'loading' && cafe && (
        <p role="status" className="hint">
          {t('cafe.office.followup.loading')}
        </p>
      )}
      {rows === undefined ? (
        <p role="status">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="panel">{t('cafe.office.followup.empty')}</p>
      ) : (
        <ul className="item-list panel followup-list">
          {rows.map((row) => (
            <FollowUpItem
              key={row.visit.ticket}
              row={row}
              contactsKnown={contacts.state === 'ready'}
              onErase={async (ticket) => {
                await api.current.erase(ticket);
                setVersion((v) => v + 1);
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function FollowUpItem({
  row,
  contactsKnown,
  onErase,
}: {
  row: FollowUpRow;
  contactsKnown: boolean;
  onErase: (ticket: string) => Promise<void>;
}) {
  const tr = useT();
  const { t, lang } = tr;
  const show = useToast((s) => s.show);
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  const ids = { ask: useId() };
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  const { visit, contact, day } = row;
  const outcome = visit.outcome;
  const number = ticketLabel(visit);
  const date = day === null ? '?' : tr.date(Date.parse(`${day}T12:00:00Z`));
  const parts = [
    outcome?.nextStep ? t(`cafe.office.next.${outcome.nextStep}`) : null,
    outcome?.spareParts === 'needed' ? t('cafe.office.followup.parts.needed') : null,
    outcome?.partsSource ? t(`cafe.office.followup.parts.${outcome.partsSource}`) : null,
  ].filter((p) => p !== null);
  const erase = () => {
    if (!contact) return;
    setFailed(null);
    onErase(visit.ticket).then(
      () => {
        setAsking(false);
        show(t('cafe.office.followup.erase.done', { name: contact.firstName }));
      },
      (error: unknown) => {
        setFailed(contactsProblem(error));
      },
    );
  };
  return (
    <li data-ticket={visit.ticket}>
      <div className="row-text">
        <strong>
          {kindWords(visit, lang)}
          {visit.brand && ` · ${visit.brand}`}
        </strong>{' '}
        <span className="muted">{t('cafe.office.followup.ticket', { number, date })}</span>
        <br />
        {outcome?.fault ?? visit.problem}
        {parts.length > 0 && <span className="muted"> · {parts.join(' · ')}</span>}
        <br />
        {contact ? (
          <span className="followup-contact">
            {t('cafe.office.followup.contact')}: <strong>{contact.firstName}</strong>
            {contact.phone && <> · {contact.phone}</>}
            {contact.email && <> · {contact.email}</>}{' '}
            <span className="muted">
              {t('cafe.office.followup.erase-after', {
                date: tr.date(Date.parse(contact.eraseAfter)),
              })}
            </span>
          </span>
        ) : (
          <span className="muted">
            {!visit.followUpConsent
              ? t('cafe.office.followup.noconsent')
              : contactsKnown
                ? t('cafe.office.followup.gone')
                : ''}
          </span>
        )}
      </div>
      {contact && !asking && (
        <button
          type="button"
          className="btn btn-light btn-small"
          aria-label={t('cafe.office.followup.erase.who', { name: contact.firstName })}
          onClick={() => {
            setAsking(true);
          }}
        >
          {t('cafe.office.followup.erase')}
        </button>
      )}
      {contact && asking && (
        <div className="row-panel notice-warn" role="alertdialog" aria-labelledby={ids.ask}>
          <p id={ids.ask}>
            {t('cafe.office.followup.erase.confirm', { name: contact.firstName, number })}
          </p>
          <div className="form-actions form-actions-start">
            <button type="button" className="btn btn-danger" onClick={erase}>
              {t('cafe.office.followup.erase.yes')}
            </button>
            <button
              ref={cancel}
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setAsking(false);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
          {failed && (
            <p className="message message-error" role="alert">
              {t(failed)}
            </p>
          )}
        </div>
      )}
    </li>
  );
}
