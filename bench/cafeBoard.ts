// Check-in → on the board of another device: a door tablet (DEMO-CAFE, the host) and the queue
// board (a second café device enrolled with DEMO-CAFE, showing /cafe/bord), two contexts of one
// Chromium against the real server, both online. Each check-in is timed from the tap that saves
// it on the door until its number is on the board and a frame is painted there. Both pages read
// one clock: performance.timeOrigin + performance.now() (wall time, same machine).
// Where the time goes, measured alongside: the door's push (the tap until its "not yet sent"
// count is back at 0: the sync controller's after-write delay plus the push) and the rest (the
// board's next pull, every 5 s while visible, and its fold and render); the board's pull requests
// are counted to show its poll interval.
import type { Page } from 'playwright-core';
import { fillCheckIn, nextFormReady, openDoor } from './cafeCheckIn';
import { launchBrowser, percentile } from './lib';

/** Installs, in a page, a record of when each number first appears in `selector` (the DOM
 * change, then the frame after it), keyed by its text. Source text, not a function: tsx would
 * wrap named inner functions in a helper the page lacks. */
const watchNumbers = (selector: string) => `(() => {
  const clock = () => performance.timeOrigin + performance.now();
  const seen = (window.__benchSeen = {});
  const scan = () => {
    const at = clock();
    for (const el of document.querySelectorAll(${JSON.stringify(selector)})) {
      const key = el.textContent;
      if (!key || key in seen) continue;
      const entry = (seen[key] = { dom: at, painted: NaN });
      requestAnimationFrame(() => { entry.painted = clock(); });
    }
  };
  new MutationObserver(scan).observe(document.body, { childList: true, subtree: true, characterData: true });
  scan();
})()`;

/** On the door: each change of its "not yet sent" count, with its time. */
const watchPending = `(() => {
  const clock = () => performance.timeOrigin + performance.now();
  const changes = (window.__benchPending = []);
  let last = null;
  new MutationObserver(() => {
    const text = document.querySelector('[data-testid="pending"]')?.textContent ?? null;
    if (text === last || text === null) return;
    changes.push({ at: clock(), count: parseInt(text, 10) });
    last = text;
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
})()`;

/** When the door's push of a save tapped at `tapAt` was answered: the first time the count is
 * back at 0 after it has counted that save (a push of an earlier save answered just after the
 * tap empties the outbox of that one only). */
function pushedAt(changes: readonly { at: number; count: number }[], tapAt: number): number {
  const counted = changes.findIndex((c) => c.at > tapAt && c.count > 0);
  if (counted < 0) return NaN;
  return changes.slice(counted).find((c) => c.count === 0)?.at ?? NaN;
}

/** Taps "save" on the door; returns the tap's time and the number the door gave. */
async function tapAndTicket(door: Page): Promise<{ tapAt: number; label: string }> {
  const before = (await door.getByTestId('ticket-number').count())
    ? await door.getByTestId('ticket-number').textContent()
    : '';
  return door.evaluate<{ tapAt: number; label: string }>(`new Promise((resolve) => {
    const tapAt = performance.timeOrigin + performance.now();
    const observer = new MutationObserver(() => {
      const shown = document.querySelector('[data-testid="ticket-number"]')?.textContent;
      if (shown && shown !== ${JSON.stringify(before ?? '')}) {
        observer.disconnect();
        resolve({ tapAt, label: shown });
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.querySelector('form.cafe-checkin button[type=submit]').click();
  })`);
}

export interface Stats {
  median: number;
  p95: number;
  min: number;
  max: number;
}

const stats = (values: readonly number[]): Stats => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
};

export interface CafeBoardResult {
  checkIns: number;
  warmup: number;
  pauseMs: [number, number];
  /** The tap on the door → the number painted on the board. */
  tapToBoard: Stats;
  /** The tap → the door's outbox empty again (its push answered). */
  tapToPushed: Stats;
  /** The door's push answered → the number painted on the board. */
  pushedToBoard: Stats;
  /** The board's pulls during the timed check-ins, and the time between them. */
  boardPulls: number;
  boardPullInterval: Stats;
  visibility: { door: string; board: string };
  runs: { label: string; tapToBoard: number; tapToPushed: number }[];
}

/** `count` check-ins (after `warmup` untimed), each after a random pause within `pauseMs` (so
 * the taps fall at every point of the board's poll, and each save has its own push). */
export async function benchCafeBoard(
  origin: string,
  count: number,
  warmup = 3,
  pauseMs: [number, number] = [1000, 3000],
): Promise<CafeBoardResult> {
  const browser = await launchBrowser();
  try {
    const door = await (
      await browser.newContext({ viewport: { width: 1280, height: 800 } })
    ).newPage();
    const board = await (
      await browser.newContext({ viewport: { width: 1920, height: 1080 } })
    ).newPage();
    await openDoor(door, origin);

    await board.goto(origin);
    await board.getByLabel('Inschrijvingscode').fill('DEMO-CAFE');
    await board.getByLabel('Naam van dit toestel').fill('Bord in de zaal');
    await board.getByRole('button', { name: 'Inschrijven' }).click();
    await board.getByRole('heading', { name: 'Wie ben je?' }).waitFor();
    await board.goto(`${origin}/cafe/bord`);
    // The board knows the door's open day: its tables are listed.
    await board.locator('.cafe-board-tables li').first().waitFor({ timeout: 60_000 });

    await board.evaluate(watchNumbers('.cafe-board-queue li'));
    await door.evaluate(watchPending);
    const visibility = {
      door: await door.evaluate(() => document.visibilityState),
      board: await board.evaluate(() => document.visibilityState),
    };

    const taps: { tapAt: number; label: string }[] = [];
    const pulls: number[] = [];
    let timing = false;
    board.on('request', (request) => {
      if (timing && request.url().includes('/api/v1/sync/pull')) pulls.push(Date.now());
    });
    for (let i = 0; i < warmup + count; i++) {
      if (i === warmup) timing = true;
      await fillCheckIn(door, i);
      const [lo, hi] = pauseMs;
      await door.waitForTimeout(lo + Math.random() * (hi - lo));
      const tap = await tapAndTicket(door);
      if (i >= warmup) taps.push(tap);
      await nextFormReady(door);
    }
    // Every timed number has reached the board (a frame painted after it).
    await board.waitForFunction(
      (labels: string[]) => {
        const seen = (window as unknown as { __benchSeen: Record<string, { painted: number }> })
          .__benchSeen;
        return labels.every((k) => seen[k] !== undefined && !Number.isNaN(seen[k].painted));
      },
      taps.map((t) => t.label),
      { timeout: 60_000, polling: 100 },
    );
    timing = false;
    const seen =
      await board.evaluate<Record<string, { dom: number; painted: number }>>('window.__benchSeen');
    const pending = await door.evaluate<{ at: number; count: number }[]>('window.__benchPending');
    const runs = taps.map(({ tapAt, label }) => {
      const pushed = pushedAt(pending, tapAt);
      const painted = seen[label]?.painted ?? NaN;
      return {
        label,
        tapToBoard: painted - tapAt,
        tapToPushed: pushed - tapAt,
        pushed,
        painted,
      };
    });
    const intervals = pulls.slice(1).map((at, i) => at - (pulls[i] ?? at));
    return {
      checkIns: count,
      warmup,
      pauseMs,
      tapToBoard: stats(runs.map((r) => r.tapToBoard)),
      tapToPushed: stats(runs.map((r) => r.tapToPushed)),
      pushedToBoard: stats(runs.map((r) => r.painted - r.pushed)),
      boardPulls: pulls.length,
      boardPullInterval: stats(intervals),
      visibility,
      runs: runs.map(({ label, tapToBoard, tapToPushed }) => ({ label, tapToBoard, tapToPushed })),
    };
  } finally {
    await browser.close();
  }
}

export function cafeBoardMarkdown(r: CafeBoardResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const verdict = r.tapToBoard.p95 < 2000 ? 'met' : `missed by ${s(r.tapToBoard.p95 - 2000)}`;
  const line = (what: string, x: Stats) =>
    `| ${what} | ${s(x.median)} | ${s(x.p95)} | ${s(x.min)} | ${s(x.max)} |`;
  return `| check-ins | median | p95 | min | max | target |
|---|---|---|---|---|---|
| ${r.checkIns} (after ${r.warmup} warm-up) | ${s(r.tapToBoard.median)} | ${s(r.tapToBoard.p95)} | ${s(r.tapToBoard.min)} | ${s(r.tapToBoard.max)} | p95 < 2 s: **${verdict}** |

Where it goes (same check-ins):

| part | median | p95 | min | max |
|---|---|---|---|---|
${line("tap → the door's push answered (after-write delay + push)", r.tapToPushed)}
${line('push answered → number painted on the board (waiting for its poll + pull + render)', r.pushedToBoard)}
${line(`time between the board's pulls (${r.boardPulls} pulls)`, r.boardPullInterval)}

A random pause of ${s(r.pauseMs[0])}–${s(r.pauseMs[1])} before each tap; both pages ${r.visibility.door === 'visible' && r.visibility.board === 'visible' ? 'visible' : `door ${r.visibility.door}, board ${r.visibility.board}`}.`;
}
