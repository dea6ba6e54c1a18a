// A small fixed pilot for the figures' tests: 14 items through the real events and fold, with
// dates chosen so every expectation in figures.test.ts can be worked out by hand.
// Not part of the public API (index.ts does not export it).
import type { EventDataMap, EventType } from '../events';
import { formatHlc } from '../hlc';
import { CAGE, CAGE_2, NODE, ev, testCode } from '../testEvents';

export const NOORD = 'park-noord';
export const ZUID = 'park-zuid';
export const SHOP = 'shop-centrum';

/** Item code for a letter (the payload is the letter and seven zeros). */
export const code = (letter: string) => testCode('BW', `${letter}0000000`);

let n = 0;
/** An event at an ISO UTC time; shop events unless another site is given. */
export function at<K extends EventType>(
  iso: string,
  type: K,
  subject: string,
  data: EventDataMap[K],
  site = SHOP,
) {
  n += 1;
  return ev(n, type, subject, data, { hlc: formatHlc(Date.parse(iso), 0, NODE), site });
}

const reg = (letter: string, iso: string, park: string, category: number, weightKg: number) =>
  at(
    iso,
    'item.registered',
    code(letter),
    { category, condition: 'works', complete: true, weightKg, weighed: false, photos: [] },
    park,
  );
const received = (letter: string, iso: string) => at(iso, 'item.received', code(letter), {});
const priced = (letter: string, iso: string, priceEur: number) =>
  at(iso, 'item.priced', code(letter), { priceEur, warrantyMonths: 3 });
const sold = (letter: string, iso: string, priceEur: number) =>
  at(iso, 'item.sold', code(letter), { priceEur });
const repaired = (letter: string, iso: string, minutes: number, fault: string, action: string) =>
  at(iso, 'item.repaired', code(letter), { fault, action, parts: [], minutes, worker: 'W01' });
const fn = (letter: string, iso: string, result: 'pass' | 'fail') =>
  at(iso, 'item.function-tested', code(letter), { result });
const safety = (letter: string, iso: string, result: 'pass' | 'fail') =>
  at(iso, 'item.safety-tested', code(letter), { result, method: 'PAT class I' });

export const EVENTS = [
  // A: kettle from Noord, tested, repaired 30 min, priced, sold: the whole path.
  reg('A', '2026-11-02T09:00:00Z', NOORD, 14, 1.245),
  received('A', '2026-11-03T09:00:00Z'),
  safety('A', '2026-11-04T08:00:00Z', 'pass'),
  fn('A', '2026-11-04T08:10:00Z', 'pass'),
  repaired('A', '2026-11-04T09:00:00Z', 30, 'Schakelaar defect', 'Schakelaar vervangen'),
  priced('A', '2026-11-05T09:00:00Z', 12.5),
  sold('A', '2026-11-10T09:00:00Z', 10),
  // B: laptop from Zuid, sold without repair.
  reg('B', '2026-11-03T09:00:00Z', ZUID, 16, 2),
  received('B', '2026-11-04T09:00:00Z'),
  fn('B', '2026-11-05T09:00:00Z', 'pass'),
  at('2026-11-05T10:00:00Z', 'item.data-wiped', code('B'), {
    method: 'purge',
    tool: 'nwipe',
    verified: true,
  }),
  priced('B', '2026-11-08T09:00:00Z', 150),
  sold('B', '2026-11-20T09:00:00Z', 150),
  // C: misc from Noord, repaired in November and again in December, still on the shelf.
  reg('C', '2026-11-05T09:00:00Z', NOORD, 18, 4),
  received('C', '2026-11-06T08:00:00Z'),
  at('2026-11-06T09:00:00Z', 'item.inspected', code('C'), { visual: 'ok', complete: true }),
  repaired('C', '2026-11-07T09:00:00Z', 45, 'Kabel', 'Kabel vervangen'),
  priced('C', '2026-11-20T09:00:00Z', 25),
  repaired('C', '2026-12-02T09:00:00Z', 15, 'Knop', 'Knop vastgezet'),
  // D: misc from Zuid, registered 00:30 on 1 November in Brussels (still 31 October in UTC).
  reg('D', '2026-10-31T23:30:00Z', ZUID, 18, 3),
  received('D', '2026-11-02T09:00:00Z'),
  fn('D', '2026-11-03T09:00:00Z', 'pass'),
  priced('D', '2026-11-04T23:30:00Z', 20),
  sold('D', '2026-11-06T23:30:00Z', 20),
  // E: toaster, unsafe → recycling. F: vacuum, parts too expensive → parts. G: fan, no demand.
  reg('E', '2026-11-10T09:00:00Z', NOORD, 31, 1.465),
  received('E', '2026-11-11T09:00:00Z'),
  safety('E', '2026-11-12T09:00:00Z', 'fail'),
  at('2026-11-12T10:00:00Z', 'item.rejected', code('E'), {
    reason: 'unsafe',
    destination: 'recycling',
  }),
  reg('F', '2026-11-12T09:00:00Z', ZUID, 34, 6.801),
  received('F', '2026-11-13T08:00:00Z'),
  fn('F', '2026-11-13T09:00:00Z', 'fail'),
  at('2026-11-14T09:00:00Z', 'item.rejected', code('F'), { reason: 2, destination: 'parts' }),
  reg('G', '2026-11-15T09:00:00Z', NOORD, 7, 3.895),
  received('G', '2026-11-16T08:00:00Z'),
  at('2026-11-16T09:00:00Z', 'item.inspected', code('G'), { visual: 'damaged', complete: true }),
  at('2026-11-16T10:00:00Z', 'item.rejected', code('G'), {
    reason: 'no-demand',
    destination: 'recycling',
  }),
  // H: lamp caged at Noord, its cage unpacked at the shop without H being scanned: missing.
  at('2026-11-20T08:00:00Z', 'cage.opened', CAGE, {}, NOORD),
  reg('H', '2026-11-20T09:00:00Z', NOORD, 15, 2.681),
  at('2026-11-20T09:01:00Z', 'item.caged', code('H'), { cage: CAGE }, NOORD),
  at('2026-11-20T10:00:00Z', 'cage.closed', CAGE, { count: 1 }, NOORD),
  at('2026-11-21T09:00:00Z', 'cage.collected', CAGE, {}),
  at('2026-11-22T08:00:00Z', 'cage.received', CAGE, {}),
  at('2026-11-22T09:00:00Z', 'cage.unpacked', CAGE, {}),
  // J: kettle from Zuid, in a cage still at the park.
  at('2026-11-25T08:00:00Z', 'cage.opened', CAGE_2, {}, ZUID),
  reg('J', '2026-11-25T09:00:00Z', ZUID, 14, 1.245),
  at('2026-11-25T09:01:00Z', 'item.caged', code('J'), { cage: CAGE_2 }, ZUID),
  // K: hair dryer registered 00:30 on 1 December in Brussels (30 November in UTC).
  reg('K', '2026-11-30T23:30:00Z', NOORD, 39, 0.672),
  // M: registered by mistake and voided: counts nowhere.
  reg('M', '2026-11-18T09:00:00Z', NOORD, 14, 1.245),
  at('2026-11-18T09:05:00Z', 'item.voided', code('M'), {}, NOORD),
  // N: iron, sold and brought back: no longer sold, back in the workshop.
  reg('N', '2026-11-02T09:00:00Z', ZUID, 40, 1.17),
  received('N', '2026-11-03T09:00:00Z'),
  priced('N', '2026-11-04T09:00:00Z', 10),
  sold('N', '2026-11-05T09:00:00Z', 10),
  at('2026-11-06T09:00:00Z', 'item.returned', code('N'), { reason: 'Werkt niet' }),
  // P: never registered (scanned at the shop first), priced and sold.
  received('P', '2026-11-21T09:00:00Z'),
  priced('P', '2026-11-21T10:00:00Z', 5),
  sold('P', '2026-11-22T09:00:00Z', 5),
  // Q: kettle registered in October, sold in November from stock.
  reg('Q', '2026-10-15T09:00:00Z', NOORD, 14, 1.245),
  received('Q', '2026-10-16T09:00:00Z'),
  priced('Q', '2026-10-20T09:00:00Z', 8),
  sold('Q', '2026-11-03T09:00:00Z', 8),
];
