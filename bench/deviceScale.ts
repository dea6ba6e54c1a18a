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
import { v7 as uuidv7 } from 'uuid';
import {
  computeFigures,
  figureItemsFromEvents,
  figureLines,
  formatHlc,
  generateCode,
  type BewaarEvent,
  type FigureItem,
} from '../src/domain';
import { packBuckets } from '../src/storage/figureStore';
import { dayOf } from '../src/storage/localDay';
import { setUpTablet } from './device';
import { seedTenant, waitForStore } from './freshDevice';
import { timeSaves } from './intakeSave';
import { launchFreshProfile, percentile, spread, type Spread } from './lib';
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
  const server = await startServer(
    { kind: 'sqlite', file: join(dir, 'save20k.sqlite') },
    resolve('dist'),
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

const DAY_MS = 86_400_000;
const PARKS = [
  { site: 'demo-park-noord', actor: 'demo-an-peeters', device: 'bench-park-noord' },
  { site: 'demo-park-zuid', actor: 'demo-chloe-dubois', device: 'bench-park-zuid' },
];
const SHOP = { site: 'demo-shop-centrum', actor: 'demo-t-01', device: 'bench-shop' };
const BRANDS = ['Philips', 'Bosch', 'Samsung', 'Tefal', 'Braun', 'Moulinex', 'Dyson', 'Sony'];

/** A small deterministic random source (the rows are the same on every run). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Events of `count` items registered over the year before `now` at the two parks, caged 40 to
 * a cage, collected and received at the shop; most are inspected and tested there, some
 * repaired, priced and sold, some rejected — the life the figures count. */
function yearOfEvents(count: number, now: number, rng: () => number, seq: { n: number }) {
  const events: BewaarEvent[] = [];
  const codeBytes = (n: number) => {
    const bytes = new Uint8Array(n);
    for (let i = 0; i < n; i++) bytes[i] = Math.floor(rng() * 256);
    return bytes;
  };
  const envelope = (
    who: { site: string; actor: string; device: string },
    at: number,
    type: string,
    subject: string,
    data: unknown,
  ) =>
    ({
      id: uuidv7(),
      type,
      subject,
      hlc: formatHlc(Math.floor(at), seq.n++ % 1000, '00000000000000d1'),
      device: who.device,
      actor: who.actor,
      site: who.site,
      data,
    }) as BewaarEvent;
  for (let start = 0; start < count; start += 40) {
    const park = PARKS[Math.floor(rng() * PARKS.length)] ?? PARKS[0];
    if (!park) break;
    // A cage's day: 1 to 365 days ago, during opening hours.
    const day = now - (1 + Math.floor(rng() * 365)) * DAY_MS;
    let t = day - (day % DAY_MS) + 9 * 3600_000;
    const cage = generateCode('cage', codeBytes);
    events.push(envelope(park, t, 'cage.opened', cage, {}));
    const size = Math.min(40, count - start);
    const items: string[] = [];
    for (let i = 0; i < size; i++) {
      t += 60_000 + rng() * 300_000;
      const item = generateCode('item', codeBytes);
      items.push(item);
      events.push(
        envelope(park, t, 'item.registered', item, {
          category: 1 + Math.floor(rng() * 40),
          brand: BRANDS[Math.floor(rng() * BRANDS.length)],
          condition: rng() < 0.6 ? 'works' : rng() < 0.5 ? 'unknown' : 'minor-defect',
          complete: rng() < 0.8,
          weightKg: Math.round((0.5 + rng() * 15) * 10) / 10,
          weighed: rng() < 0.3,
          photos: [],
          note: rng() < 0.2 ? 'Snoer een beetje versleten.' : undefined,
        }),
        envelope(park, t + 1000, 'item.caged', item, { cage }),
      );
    }
    t += 600_000;
    events.push(envelope(park, t, 'cage.closed', cage, { count: size }));
    events.push(envelope(park, t + 3600_000, 'cage.collected', cage, {}));
    let s = t + DAY_MS;
    events.push(envelope(SHOP, s, 'cage.received', cage, {}));
    for (const item of items) {
      s += 120_000;
      events.push(envelope(SHOP, s, 'item.received', item, { cage }));
      if (rng() < 0.15) continue; // not looked at yet
      events.push(
        envelope(SHOP, s + DAY_MS, 'item.inspected', item, { visual: 'ok', complete: true }),
      );
      if (rng() < 0.2) {
        events.push(
          envelope(SHOP, s + DAY_MS + 60_000, 'item.rejected', item, {
            reason: 1 + Math.floor(rng() * 6),
            destination: rng() < 0.5 ? 'recycling' : 'parts',
          }),
        );
        continue;
      }
      events.push(
        envelope(SHOP, s + DAY_MS + 120_000, 'item.function-tested', item, {
          result: rng() < 0.8 ? 'pass' : 'partial',
        }),
      );
      if (rng() < 0.3) {
        events.push(
          envelope(SHOP, s + DAY_MS + 180_000, 'item.repaired', item, {
            fault: 'Schakelaar',
            action: 'Vervangen',
            parts: [],
            minutes: 5 + Math.floor(rng() * 40),
            worker: 'T-01',
          }),
        );
      }
      const price = 5 + Math.floor(rng() * 60);
      events.push(
        envelope(SHOP, s + 2 * DAY_MS, 'item.priced', item, {
          priceEur: price,
          warrantyMonths: 6,
        }),
      );
      const soldAt = s + (3 + Math.floor(rng() * 20)) * DAY_MS;
      if (rng() < 0.6 && soldAt < now) {
        events.push(envelope(SHOP, soldAt, 'item.sold', item, { priceEur: price }));
      }
    }
  }
  return events;
}

/** `count` item projections (ItemRow: FigureItem + day), folded by the domain, in chunks. */
export function* itemRows(
  count: number,
  now = Date.now(),
  chunk = 5000,
): Generator<(FigureItem & { day: string })[]> {
  const rng = random(0xf16);
  const seq = { n: 0 };
  for (let done = 0; done < count; done += chunk) {
    const events = yearOfEvents(Math.min(chunk, count - done), now, rng, seq);
    yield figureItemsFromEvents(events).map((item) => ({ ...item, day: dayOf(item) }));
  }
}

/** Puts rows into a store of the page's `bewaar` IndexedDB (the app created it). Sent as one
 * JSON string: Playwright serializes a string far faster than the objects themselves. */
async function putRows(page: Page, rows: unknown[], table = 'items'): Promise<void> {
  await page.evaluate(
    ([json, table]) =>
      new Promise<void>((done, fail) => {
        const req = indexedDB.open('bewaar');
        req.onerror = () => {
          fail(new Error('open failed'));
        };
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(table, 'readwrite', { durability: 'relaxed' });
          const store = tx.objectStore(table);
          for (const row of JSON.parse(json) as Record<string, unknown>[]) {
            // Typed arrays travel as plain arrays: JSON has no typed arrays.
            if (table === 'figureBuckets') {
              row.ints = Int32Array.from(row.ints as number[]);
              row.ms = Float64Array.from(row.ms as (number | null)[], (v) => v ?? Number.NaN);
              row.repairs = Int32Array.from(row.repairs as number[]);
            }
            store.put(row);
          }
          tx.oncomplete = () => {
            db.close();
            done();
          };
          tx.onerror = () => {
            fail(new Error('put failed'));
          };
        };
      }),
    [
      JSON.stringify(rows, (_key, value: unknown) =>
        ArrayBuffer.isView(value) ? Array.from(value as Float64Array) : value,
      ),
      table,
    ] as const,
  );
}

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
    const all: FigureItem[] = [];
    const t0 = performance.now();
    for (const rows of itemRows(count, now)) {
      await putRows(page, rows);
      for (const row of rows) all.push(row);
    }
    // The figures' packed lines, built by the same code the app's projection writes them with.
    await putRows(page, packBuckets(all), 'figureBuckets');
    const injectMs = performance.now() - t0;
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
