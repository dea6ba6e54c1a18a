// The figures' own store: every item's figure line, packed in columns of typed arrays into 16
// bucket rows (by a hash of the code), written with the item projections in the same transaction.
//
// Why packed: the figures screen reads every item. Reading 100,000 item rows from IndexedDB took
// 7 s in Chromium (each row is the whole folded item, ~40 nested fields, and IndexedDB rebuilds
// every one); the same lines as JSON text still took 0.4 s to parse. Typed arrays come out of
// IndexedDB as one copy each. A write rewrites the buckets of the items it changed: one for a
// save, at most all 16 for a pulled page.
import type { Day, FigureItem, FigureLine, RejectionDestination, RejectionReason } from '../domain';
import { figureLine } from '../domain';
import type { BewaarDexie, FigureBucketRow } from './db';

export const FIGURE_BUCKETS = 16;

// Only the coordinator's devices show figures. A park tablet or a workshop phone skips the store's
// upkeep (a fifth of a fresh phone's pull: 16 rows read and written per pulled page) and
// keeps it empty; meta `figureLines` is true only while the store holds every item's line.
const FIGURE_LINES = 'figureLines';
const kept = new WeakMap<BewaarDexie, boolean>();

/** Whether projections on this database keep the figures' store (until told otherwise: yes). */
export function figureLinesKept(db: BewaarDexie): boolean {
  return kept.get(db) ?? true;
}

/** Turns the figures' store on or off for this database (from the next write on). Turned on, it
 * is rebuilt from the item rows unless it is complete; turned off, it is emptied. */
export async function keepFigureLines(db: BewaarDexie, on: boolean): Promise<void> {
  kept.set(db, on);
  try {
    await db.transaction('rw', [db.items, db.figureBuckets, db.meta], async () => {
      const state = (await db.meta.get(FIGURE_LINES))?.value;
      if (on ? state === true : state === false && (await db.figureBuckets.count()) === 0) return;
      await db.figureBuckets.clear();
      if (on) await db.figureBuckets.bulkPut(packBuckets(await db.items.toArray()));
      await db.meta.put({ key: FIGURE_LINES, value: on });
    });
  } catch (error) {
    // Nothing changed: keep the store up to date, so it never says complete while it lags.
    kept.set(db, true);
    throw error;
  }
}

/** The bucket of an item code: FNV-1a over its symbols. */
export function bucketOf(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193);
  return (h >>> 0) % FIGURE_BUCKETS;
}

// A bucket holds its lines in columns: a fixed run of integers per line, three wall-clock times
// per line, every repair's day and minutes, and the strings (sites, rejection reasons and
// destinations) once each in `words`, referred to by index. Days are days since 1970-01-01.
const NULL = -0x80000000;
const INTS = 19;
const [SITE, SHOP, CATEGORY, G, CO2G, FLAGS, REGISTERED, RECEIVED, MISSING, TESTED, BENCH] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
] as const;
const [PRICED, SALE, SALE_CT, REJECTED, REASON, DESTINATION, REPAIR_AT, REPAIR_COUNT] = [
  11, 12, 13, 14, 15, 16, 17, 18,
] as const;
const ON_SHELF = 1;
const IS_MISSING = 2;
const HAS_SALE = 4;
const HAS_REJECTION = 8;
const DAY_MS = 86_400_000;

// A day that Date.parse cannot read (a year outside 1000–9999) is stored as no day, never as 0.
const dayNumber = (day: Day | null): number => {
  const n = day === null ? Number.NaN : Date.parse(`${day}T00:00:00Z`) / DAY_MS;
  return Number.isFinite(n) ? Math.round(n) : NULL;
};
const dayNames = new Map<number, Day>();
const dayName = (n: number): Day | null => {
  if (n === NULL) return null;
  let day = dayNames.get(n);
  if (day === undefined) dayNames.set(n, (day = new Date(n * DAY_MS).toISOString().slice(0, 10)));
  return day;
};
const orNull = (n: number): number | null => (n === NULL ? null : n);
const msOf = (n: number | null): number => n ?? Number.NaN;
const msOrNull = (n: number): number | null => (Number.isNaN(n) ? null : n);

/** The bucket row of a set of figure lines. */
export function encodeBucket(bucket: number, lines: readonly FigureLine[]): FigureBucketRow {
  const words: (string | number)[] = [];
  const wordIndex = new Map<string | number, number>();
  const word = (w: string | number | null) => {
    if (w === null) return NULL;
    let n = wordIndex.get(w);
    if (n === undefined) wordIndex.set(w, (n = words.push(w) - 1));
    return n;
  };
  const ints = new Int32Array(lines.length * INTS);
  const ms = new Float64Array(lines.length * 3);
  const repairs = new Int32Array(lines.reduce((sum, l) => sum + l.repairs.length * 2, 0));
  let r = 0;
  lines.forEach((l, i) => {
    const o = i * INTS;
    ints[o + SITE] = word(l.site);
    ints[o + SHOP] = word(l.shopSite);
    ints[o + CATEGORY] = l.category ?? NULL;
    ints[o + G] = l.g;
    ints[o + CO2G] = l.co2g;
    ints[o + FLAGS] =
      (l.onShelf ? ON_SHELF : 0) |
      (l.missing ? IS_MISSING : 0) |
      (l.sale ? HAS_SALE : 0) |
      (l.rejection ? HAS_REJECTION : 0);
    ints[o + REGISTERED] = dayNumber(l.registeredDay);
    ints[o + RECEIVED] = dayNumber(l.receivedDay);
    ints[o + MISSING] = dayNumber(l.missingDay);
    ints[o + TESTED] = dayNumber(l.testedDay);
    ints[o + BENCH] = dayNumber(l.benchDay);
    ints[o + PRICED] = dayNumber(l.pricedDay);
    ints[o + SALE] = dayNumber(l.sale?.day ?? null);
    ints[o + SALE_CT] = l.sale?.ct ?? 0;
    ints[o + REJECTED] = dayNumber(l.rejection?.day ?? null);
    ints[o + REASON] = word(l.rejection?.reason ?? null);
    ints[o + DESTINATION] = word(l.rejection?.destination ?? null);
    ints[o + REPAIR_AT] = r;
    ints[o + REPAIR_COUNT] = l.repairs.length;
    for (const repair of l.repairs) {
      repairs[r++] = dayNumber(repair.day);
      repairs[r++] = repair.minutes;
    }
    ms[i * 3] = msOf(l.registeredMs);
    ms[i * 3 + 1] = msOf(l.pricedMs);
    ms[i * 3 + 2] = l.sale?.ms ?? Number.NaN;
  });
  return { bucket, codes: lines.map((l) => l.code).join(' '), words, ints, ms, repairs };
}

type Repair = { day: Day | null; minutes: number };
type Line = Omit<FigureLine, 'repairs' | 'sale' | 'rejection'> & {
  repairs: Repair[];
  sale: { day: Day | null; ms: number; ct: number } | null;
  rejection: { day: Day | null; reason: RejectionReason; destination: RejectionDestination } | null;
};
const blank = (): Line => ({
  code: '',
  site: null,
  shopSite: null,
  category: null,
  g: 0,
  co2g: 0,
  onShelf: false,
  missing: false,
  registeredDay: null,
  registeredMs: null,
  receivedDay: null,
  missingDay: null,
  testedDay: null,
  benchDay: null,
  pricedDay: null,
  pricedMs: null,
  repairs: [],
  sale: null,
  rejection: null,
});

/** The lines of a bucket row, in its order; with `reuse`, every line is the same object
 * filled again (no allocation per line: the figures read each line once and keep nothing). */
function* linesOf(row: FigureBucketRow, reuse: boolean): Generator<FigureLine> {
  const { ints, ms, words, repairs: flat } = row;
  const word = (n: number) => (n === NULL ? null : (words[n] ?? null));
  const at = (o: number) => ints[o] ?? NULL;
  const codes = row.codes === '' ? [] : row.codes.split(' ');
  let line = blank();
  const sale = { day: null as Day | null, ms: 0, ct: 0 };
  const rejection = {
    day: null as Day | null,
    reason: 'unsafe' as RejectionReason,
    destination: 'recycling' as RejectionDestination,
  };
  for (let i = 0; i < codes.length; i++) {
    const o = i * INTS;
    if (!reuse) line = blank();
    const flags = at(o + FLAGS);
    line.code = codes[i] ?? '';
    line.site = word(at(o + SITE)) as string | null;
    line.shopSite = word(at(o + SHOP)) as string | null;
    line.category = orNull(at(o + CATEGORY));
    line.g = at(o + G);
    line.co2g = at(o + CO2G);
    line.onShelf = (flags & ON_SHELF) !== 0;
    line.missing = (flags & IS_MISSING) !== 0;
    line.registeredDay = dayName(at(o + REGISTERED));
    line.registeredMs = msOrNull(ms[i * 3] ?? Number.NaN);
    line.receivedDay = dayName(at(o + RECEIVED));
    line.missingDay = dayName(at(o + MISSING));
    line.testedDay = dayName(at(o + TESTED));
    line.benchDay = dayName(at(o + BENCH));
    line.pricedDay = dayName(at(o + PRICED));
    line.pricedMs = msOrNull(ms[i * 3 + 1] ?? Number.NaN);
    const repairs = line.repairs;
    repairs.length = 0;
    const from = at(o + REPAIR_AT);
    for (let n = 0; n < at(o + REPAIR_COUNT); n++)
      repairs.push({
        day: dayName(flat[from + 2 * n] ?? NULL),
        minutes: flat[from + 2 * n + 1] ?? 0,
      });
    if ((flags & HAS_SALE) === 0) line.sale = null;
    else {
      const s = reuse ? sale : { ...sale };
      s.day = dayName(at(o + SALE));
      s.ms = ms[i * 3 + 2] ?? Number.NaN;
      s.ct = at(o + SALE_CT);
      line.sale = s;
    }
    if ((flags & HAS_REJECTION) === 0) line.rejection = null;
    else {
      const r = reuse ? rejection : { ...rejection };
      r.day = dayName(at(o + REJECTED));
      r.reason = word(at(o + REASON)) as RejectionReason;
      r.destination = word(at(o + DESTINATION)) as RejectionDestination;
      line.rejection = r;
    }
    yield line;
  }
}

/** The figure lines of a bucket row, each its own object. */
export function decodeBucket(row: FigureBucketRow): FigureLine[] {
  return [...linesOf(row, false)];
}

/** The figure lines of bucket rows, read one at a time into one reused object: for computeFigures,
 * which reads each line once. Nothing is decoded until it is iterated, and each pass decodes
 * again. */
export function figureLinesOf(rows: readonly FigureBucketRow[]): Iterable<FigureLine> {
  return {
    *[Symbol.iterator]() {
      for (const row of rows) yield* linesOf(row, true);
    },
  };
}

/** The bucket rows holding the given items' lines (a voided item's line is removed), built on
 * top of the rows already stored (pass none to build from scratch). */
export function packBuckets(
  items: readonly FigureItem[],
  stored: readonly (FigureBucketRow | undefined)[] = [],
): FigureBucketRow[] {
  const buckets = new Map<number, Map<string, FigureLine>>();
  for (const row of stored)
    if (row) buckets.set(row.bucket, new Map(decodeBucket(row).map((l) => [l.code, l])));
  for (const item of items) {
    const n = bucketOf(item.code);
    let bucket = buckets.get(n);
    if (!bucket) buckets.set(n, (bucket = new Map<string, FigureLine>()));
    const line = figureLine(item);
    if (line) bucket.set(item.code, line);
    else bucket.delete(item.code);
  }
  return [...buckets].map(([n, lines]) => encodeBucket(n, [...lines.values()]));
}

/** Writes the figure lines of freshly projected items (inside the projection's transaction). */
export async function writeFigureLines(
  db: BewaarDexie,
  items: readonly FigureItem[],
): Promise<void> {
  if (items.length === 0) return;
  const keys = [...new Set(items.map((item) => bucketOf(item.code)))];
  const stored = await db.figureBuckets.bulkGet(keys);
  await db.figureBuckets.bulkPut(packBuckets(items, stored));
}

/** Every figure line this device holds (see figureLinesOf: iterate, do not keep the lines). */
export async function readFigureLines(db: BewaarDexie): Promise<Iterable<FigureLine>> {
  return figureLinesOf(await db.figureBuckets.toArray());
}
