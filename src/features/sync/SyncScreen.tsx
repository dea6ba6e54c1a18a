// Sync details: sync now, and every change the server refused with its reason and what to do;
// changes stamped by a wrong clock get the right time here, when the person asks for it.
import { useState } from 'react';
import { formatCode, hlcWallMs, type BewaarEvent } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import {
  getDb,
  restampWrongClock,
  retryRejected,
  usePendingCount,
  useRejectedEvents,
} from '../../storage';
import { useSyncStatus } from '../../sync/status';
import { useToast } from '../../ui/toast';
import { useSession } from '../setup/session';
import { syncNow } from './syncContext';

const REASONS = new Set([
  'invalid',
  'forbidden',
  'rule',
  'conflict',
  'clock',
  'other-region',
  'photo-missing',
]);

/** The refusal in the reader's words: the most specific one known, else the server's own. */
function reasonKey(reason: { code: string; reason?: string }): MessageKey | null {
  const key = reason.reason ?? reason.code;
  return REASONS.has(key) ? (`sync.reason.${key}` as MessageKey) : null;
}

/** What a refused change was: its kind, its label and when. */
function RefusedWhat({ event }: { event: BewaarEvent }) {
  const tr = useT();
  return (
    <span>
      <strong>{tr.t(`event.${event.type}`)}</strong> ·{' '}
      <span className="code">{formatCode(event.subject)}</span> ·{' '}
      {tr.dateTime(hlcWallMs(event.hlc))}
    </span>
  );
}

/** The sync screen. */
export function SyncScreen() {
  const tr = useT();
  const { t, tn } = tr;
  const status = useSyncStatus();
  const { profile } = useSession();
  const show = useToast((s) => s.show);
  const pending = usePendingCount() ?? 0;
  const rejected = useRejectedEvents() ?? [];
  const clockRefused = rejected.filter(({ reason }) => reason.code === 'clock');
  const others = rejected.filter(({ reason }) => reason.code !== 'clock');
  const [busy, setBusy] = useState(false);
  const restamp = () => {
    setBusy(true);
    void restampWrongClock(getDb(), profile.node, Date.now())
      .then((count) => {
        show(t('clock.restamped', { count: tr.number(count) }));
        syncNow();
      })
      .finally(() => {
        setBusy(false);
      });
  };
  return (
    <>
      <h1>{t('sync.title')}</h1>
      {status.revoked && (
        <p className="message message-error" role="alert">
          {t('sync.revoked')}
        </p>
      )}
      {status.lastError && !status.revoked && (
        <p className="notice notice-warn">
          {t('sync.error', { message: status.lastError.message })}
        </p>
      )}
      <p>{tn('settings.pending', pending)}</p>
      <button type="button" className="btn btn-primary" onClick={syncNow}>
        🔄 {t('sync.now')}
      </button>
      {clockRefused.length > 0 && (
        <section className="panel" aria-labelledby="clock-title">
          <h2 id="clock-title">{t('clock.title')}</h2>
          <p>{t('clock.help')}</p>
          <ul className="item-list">
            {clockRefused.map(({ event }) => (
              <li key={event.id} className="rejected-row">
                <RefusedWhat event={event} />
              </li>
            ))}
          </ul>
          {status.clockOffsetMs !== null ? (
            <p className="message message-error" role="alert">
              {t('clock.fix-first')}
            </p>
          ) : (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={restamp}>
              🕒 {t('clock.restamp')}
            </button>
          )}
        </section>
      )}
      <section className="panel" aria-labelledby="rejected-title">
        <h2 id="rejected-title">{t('sync.rejected.title')}</h2>
        {others.length === 0 ? (
          <p>{t('sync.rejected.none')}</p>
        ) : (
          <>
            <p>{t('sync.rejected.help')}</p>
            <ul className="item-list">
              {others.map(({ event, reason }) => {
                const key = reasonKey(reason);
                return (
                  <li key={event.id} className="rejected-row">
                    <RefusedWhat event={event} />
                    <span className="message message-error">{key ? t(key) : reason.message}</span>
                    {key && (
                      <span className="hint">
                        {t('sync.reason.detail', { message: reason.message })}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                void retryRejected(getDb()).then(syncNow);
              }}
            >
              {t('sync.retry')}
            </button>
          </>
        )}
      </section>
    </>
  );
}
