// What the device knows about its connection to the server, for the always-visible sync status.
import { create } from '../state/store';
import type { PullProgress } from './engine';

export interface SyncStatus {
  /** null until the first attempt; true when the health endpoint answered. */
  online: boolean | null;
  syncing: boolean;
  lastError: { code: string; message: string } | null;
  /** The server no longer accepts this device's token (revoked or unknown). */
  revoked: boolean;
  /** The server runs in demo mode (the app shows a banner). */
  demo: boolean;
  /** How far the server's clock is ahead of this device's (ms), when more than CLOCK_WARN_MS
   * either way at the last check; null while the two agree (or nothing is known). */
  clockOffsetMs: number | null;
  /** A pull of more than one page under way: how many of its events are stored (see syncOnce). */
  pull: PullProgress | null;
}

/** The device warns when its clock and the server's differ by more than this. */
export const CLOCK_WARN_MS = 10 * 60 * 1000;

export const useSyncStatus = create<SyncStatus>(() => ({
  online: null,
  syncing: false,
  lastError: null,
  revoked: false,
  demo: false,
  clockOffsetMs: null,
  pull: null,
}));
