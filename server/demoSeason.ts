// A season of demo activity, so the coordinator's figures mean something on a demo's first start:
// about six months of work at both parks and the kringwinkel, ending yesterday (Brussels time)
// relative to the `now` it is given. Appliances, brands and Dutch fault texts come from real
// repair-café records (server/demo-data/repairs.json, Open Repair Alliance, CC BY-SA 4.0).
//
// Deterministic: a seeded random source, fixed devices and clock nodes, v7-shaped ids made from
// that source; the same `now` gives the same events. The events go through the push path
// (pushEvents) with the demo devices' scope, so they pass the same checks and sale rules as a
// device's, and whatever the store derives from pushed events is derived from these too.
import type { Kysely } from 'kysely';
import {
  brusselsParts,
  categoryById,
  defaultWeightKg,
  formatHlc,
  generateCode,
} from '../src/domain/index';
import type { BewaarEvent, EventDataMap, EventType } from '../src/domain/index';
import repairsFile from './demo-data/repairs.json';
import { pushEvents } from './eventStore';
import { seededRandom, type Random } from './seededRandom';
import type { PushScope } from './pushCheck';
import type { Store } from './store/createStore';
import type { Schema, SiteKind } from './store/schema';

// The tenant, sites and people that seedDemo (server/demo.ts) writes.
export const TENANT = 'demo';

export interface Writer {
  site: string;
  device: string;
  deviceName: string;
  /** The hlc node of the device: 16 lowercase hex. */
  node: string;
  kind: SiteKind;
}

interface Park extends Writer {
  attendants: readonly string[];
  /** Mean items logged per opening day. */
  perDay: number;
  /** Minutes after 08:00 the driver arrives on a collection round. */
  driveOffset: number;
}

export const SEASON_PARKS: readonly Park[] = [
  {
    site: 'demo-park-noord',
    device: 'demo-tablet-noord',
    deviceName: 'Tablet Recyclagepark Noord (demo)',
    node: 'de00000000000a01',
    kind: 'park',
    attendants: ['demo-an-peeters', 'demo-bart-claes'],
    perDay: 2.5,
    driveOffset: 15,
  },
  {
    site: 'demo-park-zuid',
    device: 'demo-tablet-zuid',
    deviceName: 'Tablet Recyclagepark Zuid (demo)',
    node: 'de00000000000a02',
    kind: 'park',
    attendants: ['demo-chloe-dubois', 'demo-dirk-janssens'],
    perDay: 2,
    driveOffset: 60,
  },
];

export const SEASON_SHOP: Writer & { technicians: readonly (readonly [string, string])[] } = {
  site: 'demo-shop-centrum',
  device: 'demo-phone-winkel',
  deviceName: 'Gsm werkplaats Kringwinkel Centrum (demo)',
  node: 'de00000000000b01',
  kind: 'shop',
  technicians: [
    ['demo-t-01', 'T-01'],
    ['demo-t-02', 'T-02'],
    ['demo-t-03', 'T-03'],
  ],
};

/** How many days the season covers, ending yesterday. */
export const SEASON_DAYS = 182;
const SEED = 0x5eb0_2025;

export interface SeasonOptions {
  /** The moment the season is seeded (ms): it ends on the Brussels day before this one. */
  now: number;
}

export interface SeasonReport {
  /** False when the demo tenant already had events: nothing was added. */
  seeded: boolean;
  items: number;
  cages: number;
  events: number;
}

// ---------------------------------------------------------------------------------------------
// Randomness (seededRandom.ts) and time

export const int = (rng: Random, min: number, max: number) =>
  min + Math.floor(rng() * (max - min + 1));
const chance = (rng: Random, p: number) => rng() < p;
export function pick<T>(rng: Random, list: readonly T[]): T {
  const value = list[Math.floor(rng() * list.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
}

/** A Poisson-distributed count (Knuth), for items per opening day. */
function poisson(rng: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k += 1;
    p *= rng();
  }
  return k;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` calendar day. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export const weekday = (day: number) => new Date(day * DAY_MS).getUTCDay();

// Brussels' offset from UTC on a day, read at noon: the DST switch happens at night, far from
// the working hours the season uses.
const offsets = new Map<number, number>();
function offsetOn(day: number): number {
  let offset = offsets.get(day);
  if (offset === undefined) {
    const noon = day * DAY_MS + 12 * 3_600_000;
    const { day: localDay, time } = brusselsParts(noon);
    offset = Date.parse(`${localDay}T${time}Z`) - noon;
    offsets.set(day, offset);
  }
  return offset;
}

/** The instant of a Brussels wall-clock time: `minutes` after midnight of `day`. */
export function at(day: number, minutes: number, rng: Random): number {
  return day * DAY_MS + minutes * MINUTE_MS + Math.floor(rng() * MINUTE_MS) - offsetOn(day);
}

const isParkDay = (day: number) => weekday(day) >= 2; // Tuesday to Saturday
const isWorkshopDay = (day: number) => weekday(day) >= 1 && weekday(day) <= 5;
const isShopOpen = (day: number) => weekday(day) >= 2; // the shop sells Tuesday to Saturday

/** The `n`-th day after `day` (n ≥ 1) that passes `open`. */
function nextDay(day: number, n: number, open: (day: number) => boolean): number {
  let d = day;
  for (let left = n; left > 0;) {
    d += 1;
    if (open(d)) left -= 1;
  }
  return d;
}

// ---------------------------------------------------------------------------------------------
// The repair-café records

export type Outcome = 'fixed' | 'repairable' | 'end-of-life';
export type Barrier = 1 | 2 | 3 | 4 | 5 | 6;
type Condition = EventDataMap['item.registered']['condition'];

export interface Repair {
  category: number;
  brand: string | null;
  problem: string;
  outcome: Outcome;
  barrier: Barrier | null;
}

export function loadRepairs(): Repair[] {
  const rows = (repairsFile as { repairs: unknown[][] }).repairs;
  return rows.map(([category, brand, problem, outcome, barrier]) => {
    if (
      typeof category !== 'number' ||
      categoryById(category) === undefined ||
      (brand !== null && typeof brand !== 'string') ||
      typeof problem !== 'string' ||
      (outcome !== 'fixed' && outcome !== 'repairable' && outcome !== 'end-of-life') ||
      (barrier !== null && (typeof barrier !== 'number' || barrier < 1 || barrier > 6))
    ) {
      throw new Error(`demo-data/repairs.json: malformed row ${JSON.stringify(category)}`);
    }
    return { category, brand, problem, outcome, barrier: barrier as Barrier | null };
  });
}

// Washing machines and fridges rarely travel in a roll cage, and "Misc" says little on a chart.
const CATEGORY_WEIGHT: Record<number, number> = { 17: 0.25, 18: 0.35 };

/** Records drawn with their category's weight: a cumulative table for a binary search. */
function weightedRepairs(repairs: readonly Repair[]) {
  const cumulative: number[] = [];
  let total = 0;
  for (const repair of repairs) {
    total += CATEGORY_WEIGHT[repair.category] ?? 1;
    cumulative.push(total);
  }
  return (rng: Random): Repair => {
    const target = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return repairs[lo] as Repair;
  };
}

// ---------------------------------------------------------------------------------------------
// What the workshop does, in its own words

/** Second-hand price range in € per category, as a kringwinkel would ask. */
// prettier-ignore
const PRICE: Record<number, readonly [number, number]> = {
  1: [40, 90], 2: [2, 6], 3: [3, 10], 4: [40, 120], 5: [15, 45], 6: [60, 180], 7: [8, 20],
  8: [30, 90], 9: [5, 15], 10: [20, 60], 11: [5, 25], 12: [20, 60], 13: [15, 80], 14: [5, 12],
  15: [5, 25], 16: [60, 220], 17: [60, 180], 18: [3, 20], 19: [30, 120], 20: [25, 120],
  21: [8, 20], 22: [3, 15], 23: [8, 25], 24: [12, 45], 25: [15, 45], 26: [25, 80], 27: [30, 90],
  28: [8, 25], 29: [8, 30], 30: [40, 150], 31: [5, 12], 32: [3, 15], 33: [5, 25], 34: [15, 60],
  35: [4, 20], 36: [10, 45], 37: [10, 40], 38: [40, 150], 39: [5, 12], 40: [6, 18],
};

function priceFor(rng: Random, category: number): number {
  const [min, max] = PRICE[category] ?? [5, 20];
  const raw = min + rng() * (max - min);
  // Under €10 in half euros, above in whole euros: what a shop writes on a sticker.
  return raw < 10 ? Math.round(raw * 2) / 2 : Math.round(raw);
}

// Earthed (class I) appliances get the earth-bond test too.
const CLASS_ONE: ReadonlySet<number> = new Set([1, 4, 14, 17, 25, 26, 29, 31, 36, 40]);
const INSTRUMENT = 'Metrel OmegaPAT MI 3360';

function safetyData(rng: Random, category: number, pass: boolean) {
  const classOne = CLASS_ONE.has(category);
  const round = (n: number, digits: number) => Number(n.toFixed(digits));
  return {
    result: pass ? ('pass' as const) : ('fail' as const),
    method: classOne ? 'PAT klasse I (EN 50678)' : 'PAT klasse II (EN 50678)',
    instrument: INSTRUMENT,
    insulationMOhm: pass ? round(20 + rng() * 480, 1) : round(0.1 + rng() * 0.8, 2),
    ...(classOne ? { earthOhm: round(pass ? 0.05 + rng() * 0.2 : 0.6 + rng() * 1.4, 2) } : {}),
    leakageMA: round(pass ? 0.05 + rng() * 0.5 : 0.8 + rng() * 3, 2),
  };
}

interface Fix {
  action: string;
  part?: { name: string; min: number; max: number };
  /** Chance that the part is needed (else the fix is cleaning and soldering). */
  partChance?: number;
}

// The first rule whose words appear in the fault text decides the repair.
// prettier-ignore
const FIXES: readonly (readonly [RegExp, Fix])[] = [
  [/snoer|kabel|stekker|draad/i, { action: 'Netsnoer vervangen en trekontlasting vastgezet', part: { name: 'Netsnoer', min: 3, max: 8 }, partChance: 0.9 }],
  [/zekering|springt|kortsluit/i, { action: 'Thermische zekering vervangen', part: { name: 'Thermische zekering', min: 1, max: 3 }, partChance: 0.9 }],
  [/schakelaar|knop|toets/i, { action: 'Schakelaar gedemonteerd, contacten gereinigd', part: { name: 'Schakelaar', min: 2, max: 7 }, partChance: 0.4 }],
  [/motor|borstel|draait/i, { action: 'Koolborstels vervangen, motor gereinigd', part: { name: 'Koolborstels', min: 4, max: 12 }, partChance: 0.6 }],
  [/warm|thermostaat|verwarm|koud/i, { action: 'Thermostaat vervangen', part: { name: 'Thermostaat', min: 5, max: 15 }, partChance: 0.7 }],
  [/kalk|lek|water|pomp|stoom/i, { action: 'Ontkalkt, dichtingen vervangen', part: { name: 'Dichtingsset', min: 3, max: 9 }, partChance: 0.7 }],
  [/riem|snaar|lade|cd|cassette|band/i, { action: 'Aandrijfriem vervangen, mechaniek gereinigd en afgesteld', part: { name: 'Aandrijfriem', min: 3, max: 10 }, partChance: 0.6 }],
  [/batterij|accu|laadt|opladen/i, { action: 'Batterij vervangen', part: { name: 'Batterij', min: 8, max: 25 }, partChance: 0.9 }],
  [/scherm|beeld|display/i, { action: 'Condensatoren op de voedingsprint vervangen', part: { name: 'Condensatoren', min: 2, max: 6 }, partChance: 0.8 }],
  [/geluid|speaker|luidspreker|volume|ruis|kraak/i, { action: 'Potentiometers en contacten gereinigd, soldeerpunten hersteld' }],
  [/lamp|licht|flikker/i, { action: 'Fitting en contacten hersteld', part: { name: 'Fitting', min: 2, max: 5 }, partChance: 0.5 }],
  [/zuig|stof|filter|verstopt/i, { action: 'Verstopping verwijderd, filters gereinigd', part: { name: 'Filterset', min: 4, max: 12 }, partChance: 0.4 }],
  [/naald|naai|draad/i, { action: 'Gereinigd, geolied en spanning afgesteld' }],
];
const DEFAULT_FIX: Fix = { action: 'Losse verbinding opgespoord en opnieuw gesoldeerd' };

/** What a repairer would write they did about this fault (the demo café's solutions too). */
export const fixFor = (problem: string): string =>
  (FIXES.find(([words]) => words.test(problem))?.[1] ?? DEFAULT_FIX).action;

function repairData(rng: Random, problem: string, worker: string, needsPart: boolean) {
  const fix = FIXES.find(([words]) => words.test(problem))?.[1] ?? DEFAULT_FIX;
  const withPart =
    fix.part !== undefined && (needsPart || chance(rng, fix.partChance ?? 0)) ? fix.part : null;
  return {
    fault: problem,
    action: fix.action,
    parts: withPart
      ? [
          {
            name: withPart.name,
            costEur: Math.round(withPart.min + rng() * (withPart.max - withPart.min)),
          },
        ]
      : [],
    // 5–90 minutes, most repairs short.
    minutes: Math.min(90, 5 + Math.round(-Math.log(1 - rng()) * 22)),
    worker,
  };
}

function wipeData(rng: Random, category: number, verified: boolean, certificate: string) {
  if (category === 4 || category === 16) {
    return chance(rng, 0.06)
      ? {
          method: 'destroy' as const,
          tool: 'Schijf defect: fysiek vernietigd (doorboord)',
          verified,
          certificate,
        }
      : {
          method: 'purge' as const,
          tool: 'ShredOS / nwipe (PRNG-stream, 1 pass + verificatie)',
          verified,
          certificate,
        };
  }
  if (category === 19 || category === 30) {
    return {
      method: 'purge' as const,
      tool: 'Fabrieksinstellingen op versleuteld toestel (cryptografisch wissen)',
      verified,
      certificate,
    };
  }
  if (category === 5 || category === 6) {
    return {
      method: 'clear' as const,
      tool: 'Geheugenkaart geformatteerd, interne opslag gewist',
      verified,
    };
  }
  if (category === 25) {
    return {
      method: 'clear' as const,
      tool: 'Fabrieksinstellingen hersteld (netwerk, fax- en scangeheugen)',
      verified,
    };
  }
  return {
    method: 'clear' as const,
    tool: 'Systeem teruggezet naar fabrieksinstellingen, account ontkoppeld',
    verified,
  };
}

const DAMAGE = [
  'Krassen op de behuizing',
  'Behuizing gebarsten',
  'Knop ontbreekt',
  'Vuil, grondig gereinigd',
];

// ---------------------------------------------------------------------------------------------
// The simulation

export interface Draft {
  at: number;
  type: EventType;
  subject: string;
  writer: Writer;
  actor: string;
  data: unknown;
}

interface CageSlot {
  code: string;
  /** When the cage is back at its park, empty: +Infinity while it waits or travels. */
  availableAt: number;
}

/** Makes the season's events (not yet stored), oldest first. Pure: the same `now`, the same list. */
export function buildDemoSeason(options: SeasonOptions): BewaarEvent[] {
  const rng = seededRandom(SEED);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(rng() * 256));
  const usedCodes = new Set<string>();
  const newCode = (kind: 'item' | 'cage') => {
    for (;;) {
      const code = generateCode(kind, bytes);
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };
  const drawRepair = weightedRepairs(loadRepairs());
  const today = dayNumber(brusselsParts(options.now).day);
  const first = today - SEASON_DAYS;
  const cutoff = at(today, 0, () => 0); // the first instant of today: nothing at or after it
  // A cage closed in the last days before today is still waiting for the driver.
  const lastCollectable = today - 4;

  const drafts: Draft[] = [];
  const add = <K extends EventType>(
    time: number,
    type: K,
    subject: string,
    writer: Writer,
    actor: string,
    data: EventDataMap[K],
  ) => {
    drafts.push({ at: time, type, subject, writer, actor, data });
  };
  const shop = SEASON_SHOP;
  const technician = () => pick(rng, shop.technicians);

  /** The workshop's work on one item, from the day after it arrived; stops at nothing (the
   * caller drops what lies after the cutoff). */
  const benchWork = (
    code: string,
    repair: Repair,
    complete: boolean,
    condition: Condition,
    receivedDay: number,
  ) => {
    const category = categoryById(repair.category);
    if (category === undefined) return;
    const [actor, worker] = technician();
    let day = nextDay(receivedDay, 1 + Math.floor(-Math.log(1 - rng()) * 3), isWorkshopDay);
    let t = at(day, int(rng, 8 * 60 + 45, 14 * 60 + 30), rng);
    const step = (min: number, max: number) => (t += int(rng, min, max) * MINUTE_MS);
    const reject = (
      reason: EventDataMap['item.rejected']['reason'],
      destination: 'recycling' | 'parts',
    ): void => {
      add(step(2, 8), 'item.rejected', code, shop, actor, { reason, destination });
    };

    const damaged = chance(rng, 0.12);
    add(t, 'item.inspected', code, shop, actor, {
      visual: damaged ? 'damaged' : 'ok',
      complete,
      ...(damaged ? { note: pick(rng, DAMAGE) } : {}),
    });
    if (!complete && chance(rng, 0.5)) {
      reject('incomplete', 'parts');
      return;
    }
    if (category.mainsPowered) {
      const pass = !chance(rng, 0.07);
      add(step(4, 12), 'item.safety-tested', code, shop, actor, safetyData(rng, category.id, pass));
      if (!pass) {
        reject('unsafe', chance(rng, 0.7) ? 'recycling' : 'parts');
        return;
      }
    }
    const repairOdds = condition === 'works' ? 0.25 : condition === 'unknown' ? 0.5 : 0.85;
    if (chance(rng, repairOdds)) {
      const partial = chance(rng, 0.4);
      add(step(5, 20), 'item.function-tested', code, shop, actor, {
        result: partial ? 'partial' : 'fail',
        note: repair.problem,
      });
      if (repair.outcome === 'end-of-life') {
        const barrier = repair.barrier ?? 6;
        reject(barrier, barrier <= 2 && chance(rng, 0.6) ? 'parts' : 'recycling');
        return;
      }
      if (repair.outcome === 'repairable') {
        // A part is ordered; the repair waits for it.
        day = nextDay(day, int(rng, 4, 15), isWorkshopDay);
        t = at(day, int(rng, 8 * 60 + 45, 14 * 60 + 30), rng);
      }
      const data = repairData(rng, repair.problem, worker, repair.outcome === 'repairable');
      add(step(3, 15), 'item.repaired', code, shop, actor, data);
      t += data.minutes * MINUTE_MS;
      add(step(2, 15), 'item.function-tested', code, shop, actor, { result: 'pass' });
    } else {
      add(step(5, 20), 'item.function-tested', code, shop, actor, { result: 'pass' });
    }
    if (chance(rng, 0.05)) {
      reject('no-demand', 'recycling');
      return;
    }
    if (category.dataBearing) {
      const certificate = `WIS-${brusselsParts(t).day.replaceAll('-', '')}-${code.slice(-4)}`;
      if (chance(rng, 0.06)) {
        add(
          step(20, 60),
          'item.data-wiped',
          code,
          shop,
          actor,
          wipeData(rng, category.id, false, certificate),
        );
      }
      add(
        step(20, 60),
        'item.data-wiped',
        code,
        shop,
        actor,
        wipeData(rng, category.id, true, certificate),
      );
    }
    const price = priceFor(rng, category.id);
    add(step(2, 10), 'item.priced', code, shop, actor, {
      priceEur: price,
      warrantyMonths: price < 5 ? 0 : price >= 50 ? 6 : 3,
    });
    if (!chance(rng, 0.85)) return;
    // Most sell within a few weeks; some linger.
    const wait = 1 + Math.floor(-Math.log(1 - rng()) * 12);
    const saleDay = nextDay(dayNumber(brusselsParts(t).day) + wait - 1, 1, isShopOpen);
    const discount = wait > 30 && chance(rng, 0.5);
    const soldFor = discount ? Math.max(0.5, Math.floor(price * 0.8 * 2) / 2) : price;
    const [seller] = technician();
    add(at(saleDay, int(rng, 10 * 60, 17 * 60 + 15), rng), 'item.sold', code, shop, seller, {
      priceEur: soldFor,
    });
  };

  /** The driver takes the cage over, the shop receives and unpacks it, the items go to the bench. */
  const collect = (park: Park, slot: CageSlot, items: readonly ItemPlan[], closedDay: number) => {
    const day = nextDay(closedDay, int(rng, 1, 3), isWorkshopDay);
    const [actor] = technician();
    let t = at(day, 8 * 60 + park.driveOffset + int(rng, 0, 20), rng);
    add(t, 'cage.collected', slot.code, shop, actor, {});
    t += int(rng, 35, 70) * MINUTE_MS;
    add(t, 'cage.received', slot.code, shop, actor, {});
    for (const item of items) {
      t += int(rng, 30, 100) * 1000;
      // A few items never turn up at the shop: they are missing once the cage is unpacked.
      if (chance(rng, 0.02)) continue;
      add(t, 'item.received', item.code, shop, actor, { cage: slot.code });
      benchWork(item.code, item.repair, item.complete, item.condition, day);
    }
    t += int(rng, 2, 6) * MINUTE_MS;
    add(t, 'cage.unpacked', slot.code, shop, actor, {});
    slot.availableAt = t + DAY_MS; // back at the park with the next round
  };

  interface ItemPlan {
    code: string;
    repair: Repair;
    complete: boolean;
    condition: Condition;
  }

  for (const park of SEASON_PARKS) {
    const pool: CageSlot[] = [];
    // Cast: TypeScript does not follow the assignments inside the loop and narrows it to null.
    let current = null as { slot: CageSlot; target: number; items: ItemPlan[] } | null;
    const openCage = (time: number, actor: string) => {
      let slot = pool.find((s) => s.availableAt <= time);
      if (!slot) {
        slot = { code: newCode('cage'), availableAt: 0 };
        pool.push(slot);
      }
      slot.availableAt = Number.POSITIVE_INFINITY;
      add(time, 'cage.opened', slot.code, park, actor, {});
      return { slot, target: int(rng, 15, 40), items: [] as ItemPlan[] };
    };
    let lastParkDay = first;
    for (let day = first; day < today; day += 1) {
      if (!isParkDay(day)) continue;
      lastParkDay = day;
      const attendant = pick(rng, park.attendants);
      const count = poisson(rng, weekday(day) === 6 ? park.perDay * 1.6 : park.perDay);
      const minutes = Array.from({ length: count }, () => int(rng, 9 * 60, 16 * 60 + 45)).sort(
        (a, b) => a - b,
      );
      for (const minute of minutes) {
        const actor = chance(rng, 0.85) ? attendant : pick(rng, park.attendants);
        const t = at(day, minute, rng);
        current ??= openCage(t - int(rng, 1, 5) * MINUTE_MS, actor);
        const repair = drawRepair(rng);
        const condition: Condition = chance(rng, 0.5)
          ? 'works'
          : chance(rng, 0.7)
            ? 'unknown'
            : 'minor-defect';
        const complete = !chance(rng, 0.08);
        const weighed = chance(rng, 0.4);
        const base = defaultWeightKg(repair.category);
        const weightKg = weighed
          ? Math.max(0.1, Math.round(base * (0.6 + rng() * 0.8) * 10) / 10)
          : base;
        const code = newCode('item');
        add(t, 'item.registered', code, park, actor, {
          category: repair.category,
          ...(repair.brand === null ? {} : { brand: repair.brand }),
          condition,
          complete,
          weightKg,
          weighed,
          photos: [],
          ...(condition === 'minor-defect'
            ? { note: `Volgens de bezoeker: ${repair.problem}` }
            : {}),
        });
        add(t + int(rng, 20, 90) * 1000, 'item.caged', code, park, actor, {
          cage: current.slot.code,
        });
        current.items.push({ code, repair, complete, condition });
      }
      if (current && current.items.length >= current.target) {
        add(
          at(day, int(rng, 16 * 60 + 50, 17 * 60 + 10), rng),
          'cage.closed',
          current.slot.code,
          park,
          attendant,
          {
            count: current.items.length,
          },
        );
        if (day <= lastCollectable) collect(park, current.slot, current.items, day);
        current = null;
      }
    }
    // The cage being filled goes out on the last opening day: it waits for the driver.
    if (current && current.items.length > 0) {
      add(
        at(lastParkDay, 17 * 60 + 15, rng),
        'cage.closed',
        current.slot.code,
        park,
        pick(rng, park.attendants),
        {
          count: current.items.length,
        },
      );
    }
  }

  return stamp(
    drafts.filter((d) => d.at < cutoff),
    rng,
  );
}

/** Hlc stamps per device (a counter for events in the same millisecond) and v7-shaped ids. */
export function stamp(drafts: readonly Draft[], rng: Random): BewaarEvent[] {
  const ordered = [...drafts].sort((a, b) => a.at - b.at);
  const last = new Map<string, { at: number; counter: number }>();
  const hex = (digits: number) =>
    Array.from({ length: digits }, () => Math.floor(rng() * 16).toString(16)).join('');
  return ordered.map((draft) => {
    const previous = last.get(draft.writer.device);
    const counter = previous?.at === draft.at ? previous.counter + 1 : 0;
    last.set(draft.writer.device, { at: draft.at, counter });
    const ms = draft.at.toString(16).padStart(12, '0');
    const variant = (8 + Math.floor(rng() * 4)).toString(16);
    const id = `${ms.slice(0, 8)}-${ms.slice(8)}-7${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    return {
      id,
      type: draft.type,
      subject: draft.subject,
      hlc: formatHlc(draft.at, counter, draft.writer.node),
      device: draft.writer.device,
      actor: draft.actor,
      site: draft.writer.site,
      data: draft.data,
    } as BewaarEvent;
  });
}

// ---------------------------------------------------------------------------------------------
// Storing it

/** The demo devices that wrote a season or a café's days, without tokens: nobody can sign in as
 * them. */
export async function ensureDevices(
  db: Kysely<Schema>,
  writers: readonly Writer[],
  createdAt: string,
): Promise<void> {
  for (const writer of writers) {
    await db
      .insertInto('devices')
      .values({
        id: writer.device,
        tenant_id: TENANT,
        site_id: writer.site,
        name: writer.deviceName,
        created_at: createdAt,
        last_seen_at: null,
        revoked_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
}

export async function scopeOf(db: Kysely<Schema>, writer: Writer): Promise<PushScope> {
  const sites = await db
    .selectFrom('sites')
    .select(['id', 'kind'])
    .where('tenant_id', '=', TENANT)
    .execute();
  const roster = await db
    .selectFrom('roster')
    .innerJoin('people', 'people.id', 'roster.person_id')
    .select(['roster.person_id', 'people.role'])
    .where('roster.site_id', '=', writer.site)
    .execute();
  return {
    auth: {
      tenantId: TENANT,
      tokenHash: '',
      device: { id: writer.device, siteId: writer.site, siteKind: writer.kind },
      person: null,
    },
    sites: new Map(sites.map((s) => [s.id, s.kind])),
    roster: new Map(roster.map((r) => [r.person_id, r.role])),
  };
}

export const PUSH_BATCH = 500;

/**
 * Stores the season in the demo tenant when it has no events yet (so a restart adds nothing),
 * through the push path: the parks' events first, then the shop's, each device's in clock order,
 * so the shop's prices and sales find the registrations and tests they depend on.
 */
export async function seedDemoSeason(store: Store, options: SeasonOptions): Promise<SeasonReport> {
  const any = await store.db
    .selectFrom('events')
    .select('id')
    .where('tenant_id', '=', TENANT)
    .limit(1)
    .executeTakeFirst();
  if (any !== undefined) return { seeded: false, items: 0, cages: 0, events: 0 };

  const events = buildDemoSeason(options);
  await ensureDevices(
    store.db,
    [...SEASON_PARKS, SEASON_SHOP],
    new Date(options.now - SEASON_DAYS * DAY_MS).toISOString(),
  );
  for (const writer of [...SEASON_PARKS, SEASON_SHOP]) {
    const scope = await scopeOf(store.db, writer);
    const own = events.filter((e) => e.device === writer.device);
    for (let start = 0; start < own.length; start += PUSH_BATCH) {
      const result = await pushEvents(store, scope, own.slice(start, start + PUSH_BATCH));
      if (result.rejected.length > 0) {
        const first = result.rejected[0];
        throw new Error(
          `demo season: ${result.rejected.length} events refused, e.g. ${first?.id ?? ''} ${first?.code ?? ''}: ${first?.message ?? ''}`,
        );
      }
    }
  }
  return {
    seeded: true,
    items: events.filter((e) => e.type === 'item.registered').length,
    cages: new Set(events.filter((e) => e.type === 'cage.opened').map((e) => e.subject)).size,
    events: events.length,
  };
}
