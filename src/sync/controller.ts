// When the device syncs (DESIGN §4): after each write, on start, when the network comes back,
// when the app becomes visible, every few seconds while visible (to see other devices' work),
// on the service worker's `sync` event, and after a failure on a backoff timer with jitter.
// Only one round runs at a time; a request during a round schedules one more. The background
// rounds (after a write, periodic) wait while the person is at a form (`held`): see schedule.ts.
import { liveQuery } from 'dexie';
import { StorageFullError, type BewaarDexie } from '../storage';
import { ApiError, type Api } from './api';
import { syncOnce } from './engine';
import { scheduleRounds } from './schedule';
import { CLOCK_WARN_MS, useSyncStatus } from './status';

export interface SyncController {
  syncSoon: () => void;
  /** The last form that held the background rounds is gone. */
  released: () => void;
  stop: () => void;
}

const MAX_BACKOFF_MS = 5 * 60_000;

/** Delay before retry n (0-based): doubling from 2 s up to 5 min, times a random 0.5–1.5. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return Math.min(2_000 * 2 ** attempt, MAX_BACKOFF_MS) * (0.5 + random());
}

/** A request that did not get an answer: fetch's TypeError, or a timeout/abort. */
function isNetworkFailure(error: unknown): boolean {
  return (
    error instanceof TypeError ||
    (error instanceof DOMException &&
      (error.name === 'TimeoutError' || error.name === 'AbortError'))
  );
}

/** Asks the browser to wake the service worker when connectivity returns (where supported). */
async function requestBackgroundSync(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
    sync?: { register: (tag: string) => Promise<void> };
  };
  await registration.sync?.register('bewaar-sync').catch(() => undefined);
}

/** Starts syncing this device in the background. */
export function startSync(options: {
  db: BewaarDexie;
  api: Api;
  node: string;
  pollMs?: number;
  afterWriteMs?: number;
  /** Whether the person is at a form whose save should not share IndexedDB with a round. */
  held?: () => boolean;
}): SyncController {
  const { db, api, node } = options;
  // One object, so the compiler does not narrow flags that other callbacks change.
  const state = { running: false, again: false, stopped: false };
  let failures = 0;
  const rerunWanted = () => state.again && !state.stopped;
  let retryTimer: number | undefined;

  const round = async () => {
    if (state.stopped) return;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    window.clearTimeout(retryTimer);
    useSyncStatus.setState({ syncing: true });
    try {
      // "Online" means the server answered, not navigator.onLine. The health check travels
      // alongside the round's first requests instead of holding them up.
      const health = api.health().then((answer) => {
        const offset = answer.clockOffsetMs;
        useSyncStatus.setState({
          online: true,
          demo: answer.demo === true,
          clockOffsetMs: offset !== null && Math.abs(offset) > CLOCK_WARN_MS ? offset : null,
        });
      });
      health.catch(() => undefined);
      await syncOnce({
        db,
        api,
        node,
        now: () => Date.now(),
        onPull: (pull) => {
          useSyncStatus.setState({ pull });
        },
      });
      await health;
      failures = 0;
      useSyncStatus.setState({ lastError: null, revoked: false });
    } catch (error) {
      const revoked = error instanceof ApiError && error.status === 401;
      const offline = isNetworkFailure(error);
      useSyncStatus.setState({
        // Only a failed request means "no connection"; a full disk or bad data is its own error.
        online: !offline,
        revoked,
        lastError:
          error instanceof ApiError
            ? { code: error.code, message: error.message }
            : {
                code: offline
                  ? 'offline'
                  : error instanceof StorageFullError
                    ? 'storage-full'
                    : 'local',
                message: error instanceof Error ? error.message : String(error),
              },
      });
      if (offline) void requestBackgroundSync();
      retryTimer = window.setTimeout(() => void round(), backoffDelay(failures));
      failures += 1;
    } finally {
      state.running = false;
      useSyncStatus.setState({ syncing: false });
      if (rerunWanted()) {
        state.again = false;
        void round();
      }
    }
  };
  const syncSoon = () => void round();

  // After a write, wait a moment: a burst of saves (an attendant logging a few items in a row)
  // goes out in one push, and the push does not compete with the screen that just saved.
  // Every few seconds while visible, a round to see other devices' work.
  const pollMs = options.pollMs ?? 5_000;
  const schedule = scheduleRounds({
    run: syncSoon,
    held: options.held ?? (() => false),
    pollWanted: () => document.visibilityState === 'visible' && failures === 0,
    pollMs,
    afterWriteMs: options.afterWriteMs ?? 1_000,
    maxPostponeMs: 3 * pollMs,
  });
  let lastPending = -1;
  const pending = liveQuery(() => db.outbox.count()).subscribe((count) => {
    if (count > lastPending && lastPending >= 0) schedule.wrote();
    lastPending = count;
  });
  const onVisible = () => {
    if (document.visibilityState === 'visible') syncSoon();
  };
  const onMessage = (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === 'SYNC') syncSoon();
  };
  window.addEventListener('online', syncSoon);
  document.addEventListener('visibilitychange', onVisible);
  const worker = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  worker?.addEventListener('message', onMessage);
  syncSoon();

  return {
    syncSoon,
    released: schedule.released,
    stop: () => {
      state.stopped = true;
      pending.unsubscribe();
      schedule.stop();
      window.clearTimeout(retryTimer);
      window.removeEventListener('online', syncSoon);
      document.removeEventListener('visibilitychange', onVisible);
      worker?.removeEventListener('message', onMessage);
    },
  };
}
