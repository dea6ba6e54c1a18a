import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { cageContents, compareEvents, foldCage, foldItem } from './fold';
import { makeEvent } from './events';
import type { BewaarEvent, EventDataMap, EventType } from './events';
import { formatHlc } from './hlc';
import { CAGE, CAGE_2, ITEM, ITEM_2, T0 } from './testEvents';

const RUNS = { numRuns: 300, seed: 20261127 };

// Few distinct times, counters and nodes, so equal wall times and hlc ties (broken by id) occur.
const arbHlc = fc
  .tuple(
    fc.integer({ min: 0, max: 12 }),
    fc.integer({ min: 0, max: 1 }),
    fc.constantFrom('0000000000000001', '00000000000000ff'),
  )
  .map(([minute, counter, node]) => formatHlc(T0 + minute * 60_000, counter, node));
const arbSha = fc.constantFrom('a', 'b', 'c').map((c) => c.repeat(64));
const text = fc.constantFrom('Philips', 'Bosch', 'Tefal', '');

function arbOf<K extends EventType>(
  type: K,
  subject: string,
  data: fc.Arbitrary<EventDataMap[K]>,
): fc.Arbitrary<BewaarEvent> {
  return fc
    .record({
      id: fc.uuid({ version: 7 }),
      hlc: arbHlc,
      site: fc.constantFrom('park-noord', 'shop'),
      data,
    })
    .map((e) => makeEvent({ ...e, type, subject, device: 'd', actor: 'p', data: e.data }));
}

const registered = fc.record(
  {
    category: fc.integer({ min: 1, max: 40 }),
    brand: text,
    model: text,
    condition: fc.constantFrom('works', 'unknown', 'minor-defect'),
    complete: fc.boolean(),
    weightKg: fc.constantFrom(0.2, 1.5, 30),
    weighed: fc.boolean(),
    photos: fc.array(arbSha, { maxLength: 2 }),
  },
  { requiredKeys: ['category', 'condition', 'complete', 'weightKg', 'weighed', 'photos'] },
);
const corrected = fc
  .record(
    {
      brand: text,
      model: text,
      weightKg: fc.constantFrom(0.5, 2),
      photos: fc.array(arbSha, { maxLength: 1 }),
    },
    { requiredKeys: [] },
  )
  .filter((d) => Object.keys(d).length > 0);

const arbItemEvent = (code: string) =>
  fc.oneof(
    arbOf('item.registered', code, registered),
    arbOf('item.corrected', code, corrected),
    arbOf('item.voided', code, fc.constant({})),
    arbOf('item.caged', code, fc.record({ cage: fc.constantFrom(CAGE, CAGE_2) })),
    arbOf(
      'item.received',
      code,
      fc.record({ cage: fc.constantFrom(CAGE, CAGE_2) }, { requiredKeys: [] }),
    ),
    arbOf(
      'item.safety-tested',
      code,
      fc.record({ result: fc.constantFrom('pass', 'fail'), method: fc.constant('PAT') }),
    ),
    arbOf(
      'item.function-tested',
      code,
      fc.record({ result: fc.constantFrom('pass', 'partial', 'fail') }),
    ),
    arbOf(
      'item.data-wiped',
      code,
      fc.record({
        method: fc.constantFrom('clear', 'purge'),
        tool: fc.constant('t'),
        verified: fc.boolean(),
      }),
    ),
    arbOf(
      'item.repaired',
      code,
      fc.record({
        fault: fc.constant('f'),
        action: fc.constant('a'),
        parts: fc.constant([]),
        minutes: fc.integer({ min: 0, max: 90 }),
        worker: fc.constant('W1'),
      }),
    ),
    arbOf(
      'item.priced',
      code,
      fc.record({ priceEur: fc.constantFrom(5, 12.5), warrantyMonths: fc.constantFrom(0, 6) }),
    ),
    arbOf(
      'item.rejected',
      code,
      fc.record({
        reason: fc.constantFrom<EventDataMap['item.rejected']['reason']>(1, 6, 'unsafe'),
        destination: fc.constantFrom('recycling', 'parts'),
      }),
    ),
    arbOf('item.sold', code, fc.record({ priceEur: fc.constantFrom(5, 10) })),
    arbOf('item.returned', code, fc.record({ reason: fc.constant('defect') })),
    arbOf('item.photo-added', code, fc.record({ photo: arbSha })),
  );

const arbCageEvent = fc.oneof(
  arbOf('cage.opened', CAGE, fc.constant({})),
  arbOf('cage.closed', CAGE, fc.record({ count: fc.integer({ min: 0, max: 20 }) })),
  arbOf('cage.collected', CAGE, fc.constant({})),
  arbOf('cage.received', CAGE, fc.constant({})),
  arbOf('cage.unpacked', CAGE, fc.constant({})),
);

// A set of events, the same set shuffled, and some of its events again (deep copies).
function arbReordered(events: fc.Arbitrary<BewaarEvent[]>) {
  return events.chain((list) =>
    fc
      .tuple(
        fc.constant(list),
        fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
        fc.subarray(list),
      )
      .map(([original, shuffled, again]) => ({
        original,
        reordered: [...shuffled, ...again.map((e) => structuredClone(e))],
      })),
  );
}

const itemEvents = fc.array(
  fc.oneof(
    { weight: 9, arbitrary: arbItemEvent(ITEM) },
    { weight: 1, arbitrary: arbItemEvent(ITEM_2) },
  ),
  { maxLength: 25 },
);
const cageEvents = fc.array(arbCageEvent, { maxLength: 10 });

describe('fold properties', () => {
  it('foldItem depends only on the set of events: any order, any duplicates', () => {
    fc.assert(
      fc.property(arbReordered(itemEvents), ({ original, reordered }) => {
        expect(foldItem(ITEM, reordered)).toEqual(foldItem(ITEM, original));
      }),
      RUNS,
    );
  });

  it('foldCage, and foldItem given the cage, depend only on the set of events', () => {
    fc.assert(
      fc.property(arbReordered(cageEvents), arbReordered(itemEvents), (cage, item) => {
        const a = foldCage(CAGE, cage.original);
        const b = foldCage(CAGE, cage.reordered);
        expect(b).toEqual(a);
        expect(foldItem(ITEM, item.reordered, b)).toEqual(foldItem(ITEM, item.original, a));
        const items = [foldItem(ITEM, item.original, a)];
        expect(cageContents(b, items)).toEqual(cageContents(a, items));
      }),
      RUNS,
    );
  });

  it('lets the last writer win each field: the highest (hlc, id) that carries it, a new life starting whole', () => {
    fc.assert(
      fc.property(itemEvents, (events) => {
        // A simple model: the registration that starts a life (the first, or the first after a
        // void) states every field; later registrations and corrections set what they carry.
        let expected: string | null = null;
        let newLife = true;
        for (const e of [...new Map(events.map((x) => [x.id, x])).values()]
          .filter((x) => x.subject === ITEM)
          .sort(compareEvents)) {
          if (e.type === 'item.voided') newLife = true;
          if (e.type !== 'item.registered' && e.type !== 'item.corrected') continue;
          if ((e.type === 'item.registered' && newLife) || 'brand' in e.data)
            expected = 'brand' in e.data && e.data.brand ? e.data.brand : null;
          if (e.type === 'item.registered') newLife = false;
        }
        expect(foldItem(ITEM, events).brand).toBe(expected);
      }),
      RUNS,
    );
  });

  it('counts each distinct event once and reports the highest hlc', () => {
    fc.assert(
      fc.property(arbReordered(itemEvents), ({ original, reordered }) => {
        const mine = new Map(original.filter((e) => e.subject === ITEM).map((e) => [e.id, e]));
        const state = foldItem(ITEM, reordered);
        expect(state.eventCount).toBe(mine.size);
        expect(state.updatedAt).toBe(
          [...mine.values()]
            .map((e) => e.hlc)
            .sort()
            .at(-1) ?? '',
        );
      }),
      RUNS,
    );
  });
});
