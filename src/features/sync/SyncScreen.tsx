// Sync details: sync now, and every change the server refused with its reason and what to do.
import { formatCode, hlcWallMs } from '../../domain';
import { useT } from '../../i18n/i18n';
import { getDb, retryRejected, usePendingCount, useRejectedEvents } from '../../storage';
import { useSyncStatus } from '../../sync/status';
import { syncNow } from './syncContext';

/** The sync screen. */
export function SyncScreen() {
  const tr = useT();
  const { t, tn } = tr;
  const status = useSyncStatus();
  const pending = usePendingCount() ?? 0;
  const rejected = useRejectedEvents() ?? [];
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
      <section className="panel" aria-labelledby="rejected-title">
        <h2 id="rejected-title">{t('sync.rejected.title')}</h2>
        {rejected.length === 0 ? (
          <p>{t('sync.rejected.none')}</p>
        ) : (
          <>
            <p>{t('sync.rejected.help')}</p>
            <ul className="item-list">
              {rejected.map(({ event, reason }) => (
                <li key={event.id} className="rejected-row">
                  <span>
                    <strong>{t(`event.${event.type}`)}</strong> ·{' '}
                    <span className="code">{formatCode(event.subject)}</span> ·{' '}
                    {tr.dateTime(hlcWallMs(event.hlc))}
                  </span>
                  <span className="message message-error">{reason.message}</span>
                </li>
              ))}
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
