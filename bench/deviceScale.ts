// The device at scale, in Chromium:
// - intake-save-20k: save → visible on a park tablet that already holds 20,000 items of its park
//   (registered on earlier days, pulled from the server), as the intake-save bench times it;
// - figures-device: the coordinator's figures over 100,000 item projections put straight into
//   the page's IndexedDB: opening the figures screen, and changing the period.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { computeFigures, figureLines, generateCode, type FigureItem } from '../src/domain';
import { setUpTablet } from './device';
import { seedTenant, waitForStore } from './freshDevice';
import { timeSaves } from './intakeSave';
import { itemRows, rowsDigest } from './figureRows';
import { bundle, launchFreshProfile, percentile, spread, type Spread } from './lib';
import { startServer } from './syncServer';

const newCode = (kind: 'item' | 'cage') =>
  generateCode(kind, (n) => new Uint8Array(randomBytes(n)));

export interface IntakeSave20kResult {
  items: number;
  events: number;
  saves: number;
  warmup: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
  /** p95 of each block of saves/5 saves, in order. */
  blockP95: Spread;
}

/** A park tablet (DEMO-NOORD) that pulled `items` items of its park, registered on earlier
 * days; then `saves` saves through the UI, each timed from the tap to the painted row. */
export async function benchIntakeSave20k(
  items = 20_000,
  saves = 200,
): Promise<IntakeSave20kResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-save20k-'));
  // BENCH_DIST: another build to serve (an older commit's, to compare in the same minutes).
  const server = await startServer(
    { kind: 'sqlite', file: join(dir, 'save20k.sqlite') },
    resolve(process.env.BENCH_DIST ?? 'dist'),
  );
  const profile = await launchFreshProfile({ width: 1280, height: 800 });
  try {
    // parkEvents dates them from 1 October 2026 on, a second apart: earlier days, same park.
    // Two events an item, and a cage opened every 40 items.
    const seeded = await seedTenant(server.base, items * 2 + Math.ceil(items / 40));
    const page = await profile.context.newPage();
    await setUpTablet(page, server.base, newCode('cage'));
    await waitForStore(page, seeded.events, seeded.items.length);
    const warmup = 20;
    const times = await timeSaves(page, saves, warmup);
    const sorted = [...times].sort((a, b) => a - b);
    const block = Math.max(1, Math.floor(saves / 5));
    const blocks: number[] = [];
    for (let i = 0; i + block <= times.length; i += block) {
      blocks.push(
        percentile(
          times.slice(i, i + block).sort((a, b) => a - b),
          95,
        ),
      );
    }
    return {
      items: seeded.items.length,
      events: seeded.events,
      saves,
      warmup,
      medianMs: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      minMs: sorted[0] ?? NaN,
      maxMs: sorted.at(-1) ?? NaN,
      blockP95: spread(blocks),
    };
  } finally {
    await profile.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- figures over 100,000 items ----

/** Times, in the page, from a click on the nav button named `nav` until `[data-figure]` cards
 * are in the document and the next frame is painted. */
function openFigures(page: Page, nav: string): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve) => {
    const button = [...document.querySelectorAll('nav button, nav a, header button')]
      .find((b) => b.textContent.includes(${JSON.stringify(nav)}));
    const start = performance.now();
    const ready = () => document.querySelector('[data-figure]') !== null;
    const observer = new MutationObserver(() => {
      if (ready()) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    button.click();
  })`);
}

/** Times, in the page, from choosing period kind `kind` until the figure cards change and the
 * next frame is painted. */
function changePeriod(page: Page, kind: string): Promise<number> {
  return page.evaluate<number>(`new Promise((resolve) => {
    const label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Periode');
    const select = document.getElementById(label.htmlFor);
    const cards = () => [...document.querySelectorAll('[data-figure]')].map((c) => c.textContent).join('|');
    const before = cards();
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (cards() !== before) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - start));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value').set.call(select, ${JSON.stringify(kind)});
    select.dispatchEvent(new Event('change', { bubbles: true }));
  })`);
}

export interface FiguresDeviceResult {
  items: number;
  open: Spread;
  period: Spread;
  /** Where the time goes: a raw IndexedDB getAll of the figures' packed store in the page, and
   * the domain's computeFigures over the same lines in Node (this month, and this year). */
  idbGetAll: Spread;
  computeMonthNode: Spread;
  computeYearNode: Spread;
  injectMs: number;
  /** Reload → figure cards: the app's start, its first read of every figure line and the figures
   * (one reload per run); `emptyStartMs` the same with no items, before they were put in. */
  firstOpen: Spread;
  emptyStartMs: Spread;
}

/** Reloads the page `runs` times, each timed until the figure cards are there. */
async function timeReloads(page: Page, runs: number): Promise<Spread> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    await page.reload();
    await page.locator('[data-figure]').first().waitFor({ timeout: 120_000 });
    times.push(performance.now() - start);
  }
  return spread(times);
}

/** The coordinator's figures over `count` items on the device. */
export async function benchFiguresDevice(count = 100_000, runs = 5): Promise<FiguresDeviceResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-figdev-'));
  const server = await startServer(
    { kind: 'sqlite', file: join(dir, 'figures.sqlite') },
    resolve('dist'),
  );
  const profile = await launchFreshProfile({ width: 1280, height: 900 });
  try {
    const page = await profile.context.newPage();
    await page.goto(server.base);
    await page.getByRole('button', { name: /Coördinator/ }).click();
    await page.locator('[data-figure]').first().waitFor();
    await waitForStore(page, 0, 0);
    const emptyStartMs = await timeReloads(page, runs);
    const now = Date.now();
    // Made and put in the page (the same generator, seed and `now` as `all` here, which the
    // Node timings of computeFigures below use): sending them over would take longer than
    // putting them.
    await page.evaluate(await bundle('./browser/figureRowsPage.ts', 'iife'));
    const t0 = performance.now();
    const madeInPage = await page.evaluate(
      ([n, at]) => {
        const fill = window.benchPutFigureRows;
        if (!fill) throw new Error('bundle not loaded');
        return fill(n, at);
      },
      [count, now] as const,
    );
    const injectMs = performance.now() - t0;
    const all: FigureItem[] = [];
    for (const rows of itemRows(count, now)) for (const row of rows) all.push(row);
    if (madeInPage !== rowsDigest(all)) {
      throw new Error(`the page made other rows (${madeInPage}) than Node (${rowsDigest(all)})`);
    }
    // The first open after the app starts (the coordinator's home is the figures screen): every
    // figure line read from IndexedDB. Later opens in the same session may be answered from
    // Dexie's in-memory cache of live queries.
    const firstOpen = await timeReloads(page, runs);
    const stored = await page.evaluate(
      () =>
        new Promise<number>((done) => {
          const req = indexedDB.open('bewaar');
          req.onsuccess = () => {
            const db = req.result;
            const c = db.transaction('items').objectStore('items').count();
            c.onsuccess = () => {
              db.close();
              done(c.result);
            };
          };
        }),
    );
    const open: number[] = [];
    const period: number[] = [];
    const getAll: number[] = [];
    for (let r = 0; r < runs; r++) {
      await page.getByRole('button', { name: /Instellingen/ }).click();
      await page.locator('[data-figure]').first().waitFor({ state: 'detached' });
      open.push(await openFigures(page, 'Cijfers'));
      period.push(await changePeriod(page, 'year'));
      period.push(await changePeriod(page, 'month'));
      getAll.push(
        await page.evaluate(
          () =>
            new Promise<number>((done) => {
              const req = indexedDB.open('bewaar');
              req.onsuccess = () => {
                const db = req.result;
                const t = performance.now();
                const all = db.transaction('figureBuckets').objectStore('figureBuckets').getAll();
                all.onsuccess = () => {
                  db.close();
                  done(performance.now() - t);
                };
              };
            }),
        ),
      );
    }
    const thisMonth = new Date(now).toISOString().slice(0, 7);
    const lastDay = new Date(
      Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() + 1, 0),
    )
      .toISOString()
      .slice(0, 10);
    const lines = figureLines(all);
    const timeCompute = (from: string, to: string) => {
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t = performance.now();
        computeFigures(lines, { from, to });
        times.push(performance.now() - t);
      }
      return spread(times);
    };
    const year = String(new Date(now).getUTCFullYear());
    return {
      items: stored,
      open: spread(open),
      period: spread(period),
      idbGetAll: spread(getAll),
      computeMonthNode: timeCompute(`${thisMonth}-01`, lastDay),
      computeYearNode: timeCompute(`${year}-01-01`, `${year}-12-31`),
      injectMs,
      firstOpen,
      emptyStartMs,
    };
  } finally {
    await profile.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
