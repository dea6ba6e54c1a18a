import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BewaarEvent } from '../events';
import { CODE_ALPHABET } from '../labelCode';
import { testCode } from '../testEvents';
import { figureLines } from './figureLine';
import { computeFigures } from './figures';
import type { Figures } from './figureTypes';
import { figureItemsFromEvents } from './itemFacts';
import { EVENTS, NOORD, SHOP, ZUID, at } from './testItems';

const RUNS = { numRuns: 200, seed: 20261127 };
const START = Date.UTC(2026, 9, 1);
const HOUR = 3_600_000;
const STEPS = ['received', 'tested', 'repaired', 'priced', 'sold', 'rejected', 'returned'] as const;

const historyArb = fc.record({
  // Nine in ten are registered at a park; the rest are scanned at the shop first.
  registered: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
  category: fc.constantFrom(7, 14, 16, 18, 20, 31),
  grams: fc.integer({ min: 1, max: 30_000 }),
  park: fc.constantFrom(NOORD, ZUID),
  startHours: fc.integer({ min: 0, max: 24 * 92 }),
  steps: fc.array(fc.tuple(fc.constantFrom(...STEPS), fc.integer({ min: 1, max: 24 * 20 })), {
    maxLength: 7,
  }),
  minutes: fc.integer({ min: 0, max: 240 }),
  cents: fc.integer({ min: 0, max: 50_000 }),
});

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

function itemCode(index: number): string {
  let payload = '';
  for (let n = index + 1000, i = 0; i < 8; i++, n = Math.floor(n / 32))
    payload = (CODE_ALPHABET[n % 32] ?? '0') + payload;
  return testCode('BW', payload);
}

// One random but well-formed item history, stamped hours apart.
function historyEvents(index: number, h: History): BewaarEvent[] {
  const code = itemCode(index);
  let t = START + h.startHours * HOUR;
  const iso = () => new Date(t).toISOString();
  const events: BewaarEvent[] = [];
  if (h.registered)
    events.push(
      at(
        iso(),
        'item.registered',
        code,
        {
          category: h.category,
          condition: 'works',
          complete: true,
          weightKg: h.grams / 1000,
          weighed: true,
          photos: [],
        },
        h.park,
      ),
    );
  const price = h.cents / 100;
  for (const [step, gap] of h.steps) {
    t += gap * HOUR;
    if (step === 'received') events.push(at(iso(), 'item.received', code, {}));
    if (step === 'tested')
      events.push(at(iso(), 'item.safety-tested', code, { result: 'pass', method: 'PAT' }));
    if (step === 'repaired')
      events.push(
        at(iso(), 'item.repaired', code, {
          fault: 'f',
          action: 'a',
          parts: [],
          minutes: h.minutes,
          worker: 'W1',
        }),
      );
    if (step === 'priced')
      events.push(at(iso(), 'item.priced', code, { priceEur: price, warrantyMonths: 0 }));
    if (step === 'sold') events.push(at(iso(), 'item.sold', code, { priceEur: price }));
    if (step === 'rejected')
      events.push(at(iso(), 'item.rejected', code, { reason: 'unsafe', destination: 'parts' }));
    if (step === 'returned') events.push(at(iso(), 'item.returned', code, { reason: 'r' }));
  }
  return events;
}

const NOT_ADDITIVE = [
  'filter',
  'reuseRate',
  'repairRate',
  'medianDaysParkToShelf',
  'medianDaysParkToSale',
] as const;

// The additive part of the figures as flat numeric leaves; list rows keyed by what they are of.
function leaves(f: Figures): Map<string, number> {
  const out = new Map<string, number>();
  const put = (prefix: string, value: unknown) => {
    if (typeof value === 'number') out.set(prefix, value);
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) put(`${prefix}.${k}`, v);
  };
  // Rates and medians are not additive; the filter is the same on both sides.
  const { rejectedByReason, rejectedByDestination, monthly, byCategory, ...rest } = f;
  const plain: Partial<Figures> = { ...rest };
  for (const key of NOT_ADDITIVE) Reflect.deleteProperty(plain, key);
  put('', plain);
  for (const r of rejectedByReason) put(`reason.${r.reason}`, { count: r.count, kg: r.kg });
  for (const d of rejectedByDestination) put(`dest.${d.destination}`, { count: d.count, kg: d.kg });
  for (const m of monthly) put(`month.${m.park ?? ''}.${m.month}`, { r: m.registered, s: m.sold });
  for (const { category, ...c } of byCategory) put(`cat.${category ?? ''}`, c);
  return out;
}

const filterArb = fc.record({
  from: fc.integer({ min: 0, max: 100 }),
  days: fc.integer({ min: 0, max: 100 }),
  site: fc.constantFrom(undefined, NOORD, ZUID, SHOP),
  category: fc.constantFrom(undefined, 14, 18),
});
const day = (offset: number) => new Date(START + offset * 24 * HOUR).toISOString().slice(0, 10);

describe('computeFigures additivity', () => {
  it('sums the additive figures of two disjoint item sets to those of their union', () => {
    const fixed = figureItemsFromEvents(EVENTS);
    fc.assert(
      fc.property(
        fc.array(historyArb, { maxLength: 12 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        filterArb,
        (histories, side, g) => {
          const random = figureItemsFromEvents(histories.flatMap((h, i) => historyEvents(i, h)));
          const items = [...fixed, ...random];
          const a = items.filter((_, i) => side[i % side.length]);
          const b = items.filter((_, i) => !side[i % side.length]);
          const filter = {
            from: day(g.from),
            to: day(g.from + g.days),
            site: g.site,
            category: g.category,
          };
          const whole = leaves(computeFigures(figureLines(items), filter));
          const left = leaves(computeFigures(figureLines(a), filter));
          const right = leaves(computeFigures(figureLines(b), filter));
          for (const key of new Set([...whole.keys(), ...left.keys(), ...right.keys()]))
            expect((left.get(key) ?? 0) + (right.get(key) ?? 0), key).toBeCloseTo(
              whole.get(key) ?? 0,
              9,
            );
        },
      ),
      RUNS,
    );
  });
});
