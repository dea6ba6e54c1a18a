// Runs the sync controller for the signed-in device; screens ask for a sync with `syncNow()`.
import { useEffect, type ReactNode } from 'react';
import { countPending, getDb, keepFigureLines } from '../../storage';
import { createApi, type CodeRegion } from '../../sync/api';
import { startSync, type SyncController } from '../../sync/controller';
import { useSyncStatus } from '../../sync/status';
import {
  refreshDirectory,
  refreshOffice,
  type DeviceProfile,
  type Region,
} from '../setup/deviceProfile';

let current: SyncController | null = null;
let ask: ((code: string) => Promise<CodeRegion>) | null = null;

/** Starts a sync round now (or right after the running one). */
export function syncNow(): void {
  current?.syncSoon();
}

/** While the calling screen is shown, asks for a sync round every `ms` instead of the app's usual
 * 5 s: for screens people watch for news from other devices (the café's board and tables). */
export function useQuickSync(ms: number): void {
  useEffect(() => {
    const timer = window.setInterval(syncNow, ms);
    return () => {
      window.clearInterval(timer);
    };
  }, [ms]);
}

/** Forms on screen that hold the background rounds (kept here, not in the controller: a form
 * can mount before the controller has started). */
let holds = 0;

/** While mounted, background sync rounds wait (a push at most one more push delay, a periodic
 * round at most three periods): the form's save then has IndexedDB to itself. */
export function useSyncHold(): void {
  useEffect(() => {
    holds += 1;
    return () => {
      holds -= 1;
      if (holds === 0) current?.released();
    };
  }, []);
}

/** Whose region a scanned code is, if the server answers within a moment; null when offline or
 * unsure (the push then has the last word). */
export async function checkCodeRegion(code: string): Promise<CodeRegion | null> {
  if (!ask || useSyncStatus.getState().online === false) return null;
  try {
    return await ask(code);
  } catch {
    return null;
  }
}

/** Syncs with the device's token while mounted; refreshes the roster once per start. */
export function SyncProvider({
  profile,
  children,
}: {
  profile: DeviceProfile;
  children: ReactNode;
}) {
  const { token, node, siteKind } = profile;
  useEffect(() => {
    // Set before the first pull: only the coordinator's devices keep the figures' store.
    keepFigureLines(getDb(), siteKind === 'office').catch((error: unknown) => {
      console.error('figure store', error);
    });

    // The coordinator's device list shows each device's version and what it still has to send.
    const api = createApi({
      token,
      headers: async () => ({
        'x-bewaar-version': __APP_VERSION__,
        'x-bewaar-pending': String(await countPending(getDb())),
      }),
    });
    // A café's door checks a visitor in every half minute or so, and the board and the fixers
    // are waiting for it: its writes go out at once rather than after a burst's second.
    const controller = startSync({
      db: getDb(),
      api,
      node,
      held: () => holds > 0,
      ...(siteKind === 'cafe' ? { afterWriteMs: 250 } : {}),
    });
    current = controller;
    // A scan waits for this answer at most a couple of seconds.
    const quick = createApi({ token, timeoutMs: 2_500 });
    ask = quick.codeRegion;
    // Both change the stored profile, each in its own transaction (updateMeta): neither loses
    // the other's change, whichever answer comes first.
    void api
      .sites()
      .then(({ sites, names }) => refreshDirectory(sites, names))
      .catch(() => undefined);
    if (siteKind === 'office') {
      void api
        .json<{ tenant: Region; regions: Region[] }>('/session')
        .then(refreshOffice)
        .catch(() => undefined);
    }
    return () => {
      controller.stop();
      if (current === controller) {
        current = null;
        ask = null;
      }
    };
  }, [token, node, siteKind]);
  return children;
}
