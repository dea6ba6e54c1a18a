// When the background rounds start: a push a moment after each write, a periodic round to see
// other devices' work, and neither while the person is at a form or has just saved. A round's
// reads and writes queue on the same IndexedDB thread as the save; started at the tap, they made
// the save wait (docs/BENCHMARKS.md, the intake trace). Held rounds are late, never lost.

export interface RoundSchedule {
  /** A local write was recorded: push after `afterWriteMs` (a burst goes out in one push). */
  wrote: () => void;
  /** The form that held rounds is gone: postponed rounds may go once the save has settled. */
  released: () => void;
  stop: () => void;
}

export interface ScheduleOptions {
  /** Starts a round (the controller runs one at a time). */
  run: () => void;
  /** Whether the person is at a form whose save should find IndexedDB free. */
  held: () => boolean;
  /** Whether a periodic round is wanted now (the app visible, no failure being retried). */
  pollWanted: () => boolean;
  pollMs: number;
  /** The push's wait after a write; a held push waits at most this long again. */
  afterWriteMs: number;
  /** The longest a held periodic round waits. */
  maxPostponeMs: number;
  now?: () => number;
}

/** Starts the periodic tick; the caller reports writes and releases. */
export function scheduleRounds(options: ScheduleOptions): RoundSchedule {
  const { run, held, pollWanted, pollMs, afterWriteMs, maxPostponeMs } = options;
  const now = options.now ?? (() => Date.now());
  // The moments right after a write or a form's end: the screen is showing the save.
  let quietUntil = 0;
  // A postponed round goes at the latest then (null: none postponed).
  let due: number | null = null;
  let pushTimer: ReturnType<typeof setTimeout> | undefined;
  let wakeTimer: ReturnType<typeof setTimeout> | undefined;

  const busy = () => held() || now() < quietUntil;

  const go = () => {
    due = null;
    clearTimeout(pushTimer);
    clearTimeout(wakeTimer);
    run();
  };

  // Runs a postponed round once the person is done, or at its deadline whatever happens.
  const recheck = () => {
    clearTimeout(wakeTimer);
    if (due === null) return;
    const t = now();
    if (t >= due || !busy()) {
      go();
      return;
    }
    // While held, only the deadline or a release wakes it.
    const at = held() ? due : Math.min(due, quietUntil);
    wakeTimer = setTimeout(recheck, Math.max(0, at - t));
  };

  const postpone = (latest: number) => {
    due = Math.min(due ?? Infinity, latest);
    recheck();
  };

  const push = () => {
    if (busy()) postpone(now() + afterWriteMs);
    else go();
  };

  const poll = setInterval(() => {
    if (!pollWanted()) return;
    if (busy()) postpone(now() + maxPostponeMs);
    else go();
  }, pollMs);

  return {
    wrote: () => {
      quietUntil = now() + afterWriteMs;
      clearTimeout(pushTimer);
      pushTimer = setTimeout(push, afterWriteMs);
      recheck();
    },
    released: () => {
      quietUntil = Math.max(quietUntil, now() + afterWriteMs);
      recheck();
    },
    stop: () => {
      clearInterval(poll);
      clearTimeout(pushTimer);
      clearTimeout(wakeTimer);
      due = null;
    },
  };
}
