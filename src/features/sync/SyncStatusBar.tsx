// Always visible: connection, what still has to be sent, when the last sync succeeded, and how
// many changes the server refused (a tap opens the details); and, on every screen, that this
// device was revoked or that its clock is wrong.
import { useT, type Translator } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useLastSync, usePendingCount, useRejectedEvents } from '../../storage';
import { useSyncStatus } from '../../sync/status';
import { useSession } from '../setup/session';

/** How far off a clock is, in the unit a person reads at a glance. */
function clockAmount(tr: Translator, ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return tr.t('clock.minutes', { count: tr.number(minutes) });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return tr.t('clock.hours', { count: tr.number(hours) });
  return tr.t('clock.days', { count: tr.number(Math.round(hours / 24)) });
}

/** The sync status strip under the header. */
export function SyncStatusBar() {
  const tr = useT();
  const { t, tn } = tr;
  const go = useNavigation((s) => s.go);
  const status = useSyncStatus();
  const { profile } = useSession();
  const pending = usePendingCount() ?? 0;
  const rejected = useRejectedEvents()?.length ?? 0;
  const lastSync = useLastSync();
  const connection = status.syncing
    ? t('sync.syncing')
    : status.online === null
      ? t('sync.checking')
      : t(status.online ? 'sync.online' : 'sync.offline');
  return (
    <div className="sync-bar" role="status" aria-live="polite" data-testid="sync-status">
      <span className={`dot ${status.online ? 'dot-on' : 'dot-off'}`} aria-hidden="true" />
      <span data-testid="connection">{connection}</span>
      <span className={`pill${pending > 0 ? ' pill-warn' : ''}`} data-testid="pending">
        {tn('header.pending', pending)}
      </span>
      <span className="muted">
        {lastSync ? t('sync.last', { when: tr.time(lastSync) }) : t('sync.never')}
      </span>
      {status.clockOffsetMs !== null && (
        <p className="revoked-alert" role="alert" data-testid="clock-warning">
          🕒{' '}
          {t('clock.warning', {
            difference: t(status.clockOffsetMs > 0 ? 'clock.behind' : 'clock.ahead', {
              amount: clockAmount(tr, Math.abs(status.clockOffsetMs)),
            }),
          })}
        </p>
      )}
      {status.revoked && profile.siteKind !== 'office' && (
        <p className="revoked-alert" role="alert">
          ⛔ {t('sync.revoked')}
        </p>
      )}
      {rejected > 0 && (
        <button
          type="button"
          className="btn btn-small btn-danger"
          onClick={() => {
            go({ name: 'sync' });
          }}
        >
          ⚠️ {tn('sync.rejected', rejected)}
        </button>
      )}
    </div>
  );
}
