// The figures' packed store on fake-indexeddb: filled by the same transactions as the projections,
// its lines equal to the domain's, and the figures from it equal to the figures from the log.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeFigures, figureItemsFromEvents, figureLines, type FigureLine } from '../domain';
import { EVENTS } from '../domain/figures/testItems';
import { openBewaarDb, type BewaarDexie } from './db';
import {
  bucketOf,
  decodeBucket,
  encodeBucket,
  FIGURE_BUCKETS,
  keepFigureLines,
  packBuckets,
  readFigureLines,
} from './figureStore';
import { ensureProjections } from './projections';
import { applyRemoteEvents } from './remote';

const byCode = <T extends { code: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.code < b.code ? -1 : 1));
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

let db: BewaarDexie;
/** Every stored line, each its own object. */
const storedLines = async () => (await db.figureBuckets.toArray()).flatMap(decodeBucket);
beforeEach(() => {
  db = openBewaarDb(`figures-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

const dayArb = fc.option(
  fc
    .date({
      min: new Date(Date.UTC(2000, 0, 1)),
      max: new Date(Date.UTC(2099, 11, 31)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
);
const msArb = fc.option(fc.integer({ min: 0, max: 4_102_444_800_000 }));
const lineArb: fc.Arbitrary<FigureLine> = fc.record({
  code: fc.stringMatching(/^BW[0-9A-Z]{9}$/),
  site: fc.option(fc.string({ minLength: 1 })),
  shopSite: fc.option(fc.constantFrom('shop-centrum', 'winkel é ë ï "x"; y')),
  category: fc.option(fc.integer({ min: 1, max: 40 })),
  g: fc.integer({ min: 0, max: 2_000_000 }),
  co2g: fc.integer({ min: 0, max: 2_000_000_000 }),
  onShelf: fc.boolean(),
  missing: fc.boolean(),
  registeredDay: dayArb,
  registeredMs: msArb,
  receivedDay: dayArb,
  missingDay: dayArb,
  testedDay: dayArb,
  benchDay: dayArb,
  pricedDay: dayArb,
  pricedMs: msArb,
  repairs: fc.array(fc.record({ day: dayArb, minutes: fc.integer({ min: 0, max: 100_000 }) })),
  sale: fc.option(
    fc.record({
      day: dayArb,
      ms: fc.oneof(fc.constant(Number.NaN), fc.integer({ min: 0, max: 4_102_444_800_000 })),
      ct: fc.integer({ min: 0, max: 2_000_000_000 }),
    }),
  ),
  rejection: fc.option(
    fc.record({
      day: dayArb,
      reason: fc.constantFrom<NonNullable<FigureLine['rejection']>['reason'][]>(
        1, 2, 3, 4, 5, 6, 'unsafe', 'incomplete', 'no-demand',
      ), // prettier-ignore
      destination: fc.constantFrom<('recycling' | 'parts')[]>('recycling', 'parts'),
    }),
  ),
});

describe('packed figure lines', () => {
  it('decode to what was encoded, through a structured clone (as IndexedDB stores them)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(lineArb, { selector: (l) => l.code, maxLength: 30 }), (lines) => {
        expect(decodeBucket(structuredClone(encodeBucket(7, lines)))).toEqual(lines);
      }),
      { numRuns: 200 },
    );
  });

  it('keep a day Date.parse cannot read as no day, never as 1970-01-01', () => {
    const [line] = figureLines(figureItemsFromEvents(EVENTS));
    expect(line).toBeDefined();
    if (!line) return;
    // Intl writes the year 999 with three digits and 10000 with five: not ISO days.
    for (const day of ['999-11-02', '10000-01-01']) {
      const [back] = decodeBucket(encodeBucket(0, [{ ...line, registeredDay: day }]));
      expect(back?.registeredDay).toBeNull();
    }
    const [iso] = decodeBucket(encodeBucket(0, [{ ...line, registeredDay: '0999-11-02' }]));
    expect(iso?.registeredDay).toBe('0999-11-02');
  });

  it('spread codes over the buckets and drop voided items', () => {
    const items = figureItemsFromEvents(EVENTS);
    expect(items.some((i) => i.voided)).toBe(true);
    const rows = packBuckets(items);
    const codes = rows.flatMap((r) => decodeBucket(r).map((l) => l.code));
    expect(codes.sort()).toEqual(
      items
        .filter((i) => !i.voided)
        .map((i) => i.code)
        .sort(),
    );
    for (const row of rows) {
      expect(row.bucket).toBeLessThan(FIGURE_BUCKETS);
      for (const line of decodeBucket(row)) expect(bucketOf(line.code)).toBe(row.bucket);
    }
  });
});

describe('the figure store on the device', () => {
  it('is written with the projections, a page at a time, and gives the figures of the log', async () => {
    // Pulled in three pages, so later pages rewrite buckets earlier ones filled.
    const third = Math.ceil(EVENTS.length / 3);
    for (let i = 0; i < EVENTS.length; i += third)
      await applyRemoteEvents(db, EVENTS.slice(i, i + third), `c${i}`, {
        node: '00000000000000cc',
        now: Date.UTC(2026, 11, 31),
      });
    const fromLog = figureLines(figureItemsFromEvents(EVENTS));
    expect(byCode(await storedLines())).toEqual(byCode(fromLog));
    // The screen's path: one line object refilled while the figures read it.
    const figures = computeFigures(await readFigureLines(db), NOVEMBER);
    expect(figures).toEqual(computeFigures(fromLog, NOVEMBER));
    expect(figures.sold.count).toBeGreaterThan(0);
    expect(figures.rejected.count).toBeGreaterThan(0);
  });

  it('is rebuilt from the log when the fold version changes', async () => {
    await applyRemoteEvents(db, EVENTS, 'c', { node: '00000000000000cc', now: Date.UTC(2026, 11) });
    const before = await storedLines();
    expect(before.length).toBeGreaterThan(0);
    await db.figureBuckets.clear();
    await db.meta.put({ key: 'projectionVersion', value: 3 });
    expect(await storedLines()).toEqual([]);
    expect(await ensureProjections(db)).toBe(true);
    expect(byCode(await storedLines())).toEqual(byCode(before));
  });

  it('is kept only when asked for, and rebuilt from the items when turned on again', async () => {
    const half = Math.ceil(EVENTS.length / 2);
    const pull = (events: typeof EVENTS, cursor: string) =>
      applyRemoteEvents(db, events, cursor, { node: '00000000000000cc', now: Date.UTC(2026, 11) });
    await keepFigureLines(db, false);
    await pull(EVENTS.slice(0, half), 'a');
    expect(await db.figureBuckets.count()).toBe(0);
    await keepFigureLines(db, true);
    await pull(EVENTS.slice(half), 'b');
    const fromLog = figureLines(figureItemsFromEvents(EVENTS));
    expect(byCode(await storedLines())).toEqual(byCode(fromLog));
    await keepFigureLines(db, false);
    expect(await db.figureBuckets.count()).toBe(0);
  });
});
