// How far a long pull has come (a fresh device's first sync, or one back after days offline), and
// on the screens that add things up, that their numbers are not complete before the first sync.
import { useT } from '../../i18n/i18n';
import { useLastSync } from '../../storage';
import type { PullProgress } from '../../sync/engine';
import { useSyncStatus } from '../../sync/status';

/** "1.200 van 5.227 wijzigingen", or, from a server that does not say the total, "1.200 …". */
function progressText(t: ReturnType<typeof useT>['t'], pull: PullProgress): string {
  return pull.total === null
    ? t('firstSync.progress.open', { done: pull.done })
    : t('firstSync.progress', { done: pull.done, total: pull.total });
}

/** A progress bar under the header while a pull of more than one page runs. Outside the sync
 * status's live region: a screen reader hears the bar when it goes to it, not every page. */
export function PullProgressBar() {
  const { t } = useT();
  const pull = useSyncStatus((s) => s.pull);
  if (!pull) return null;
  const text = progressText(t, pull);
  const share = pull.total === null || pull.total === 0 ? null : pull.done / pull.total;
  return (
    <div className="pull-progress" data-testid="pull-progress">
      <div
        className="pull-progress-track"
        role="progressbar"
        aria-label={t('firstSync.label')}
        aria-valuemin={0}
        aria-valuenow={pull.done}
        {...(pull.total === null ? {} : { 'aria-valuemax': pull.total })}
        aria-valuetext={text}
      >
        <div
          className={`pull-progress-fill${share === null ? ' pull-progress-open' : ''}`}
          style={{ width: `${String(Math.round((share ?? 1) * 100))}%` }}
        />
      </div>
      <span className="pull-progress-text">{text}</span>
    </div>
  );
}

/** Whether this device has finished a sync round yet: undefined while that is being read. */
export function useFirstSyncDone(): boolean | undefined {
  const lastSync = useLastSync();
  return lastSync === undefined ? undefined : lastSync !== null;
}

/** On a screen of counts or lists: says, until the first sync is done, that what it shows is not
 * everything yet (the counts are on the progress bar, not in this live region). */
export function FirstSyncNotice() {
  const { t } = useT();
  const done = useFirstSyncDone();
  const status = useSyncStatus();
  if (done !== false) return null;
  const waiting = !status.syncing && status.online === false;
  return (
    <div className="notice notice-warn first-sync" role="status" data-testid="first-sync-notice">
      <p>
        <strong>{t(waiting ? 'firstSync.waiting' : 'firstSync.running')}</strong>
      </p>
      <p>{t('firstSync.partial')}</p>
    </div>
  );
}
