// The simulation's scenarios (fast-check), and what a whole series of runs must have exercised.
import fc from 'fast-check';
import { expect } from 'vitest';
import { EVENT_TYPES } from '../../src/domain';
import type { Coverage, Op, Scenario } from './simulation';

const HOUR = 3_600_000;

const quarter = fc.nat(3).map((n) => n === 0);

const opArb = (kind: fc.Arbitrary<Op['kind']>): fc.Arbitrary<Op> =>
  fc.record({
    kind,
    // Up to 8 devices: 5 of parks and shops, the café's 3.
    device: fc.nat(7),
    shop: quarter,
    what: fc.nat(8),
    pick: fc.nat(1000),
    offline: fc.boolean(),
    // Each fault in a quarter of the rounds: with halves, few rounds got through, and cages
    // seldom reached the shop.
    faults: fc.record({
      dropRequest: quarter,
      dropResponse: quarter,
      duplicate: quarter,
    }),
  });

export const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  devices: fc.integer({ min: 3, max: 5 }),
  skews: fc.array(fc.integer({ min: -12 * HOUR, max: 12 * HOUR }), { minLength: 5, maxLength: 5 }),
  ops: fc.array(
    fc.oneof(
      { weight: 12, arbitrary: opArb(fc.constant('write')) },
      { weight: 4, arbitrary: opArb(fc.constant('cafe')) },
      { weight: 2, arbitrary: opArb(fc.constant('sync')) },
      { weight: 2, arbitrary: opArb(fc.constant('round')) },
      { weight: 1, arbitrary: opArb(fc.constant('offline')) },
      { weight: 1, arbitrary: opArb(fc.constant('restart')) },
    ),
    // 'medium': lengths spread over the whole range (the default keeps them near the minimum,
    // too short for a cage to travel and its items to reach a sale).
    { minLength: 40, maxLength: 130, size: 'medium' },
  ),
});

const STATUSES = [
  'registered',
  'caged',
  'in-transit',
  'received',
  'in-repair',
  'for-sale',
  'sold',
  'rejected',
  'missing',
  'voided',
  'visit waiting',
  'visit at-table',
  'visit done',
  'visit checked-out',
  // Two fixers claimed one visit offline; a fixer scanned a visit already done.
  'claim lost to a table',
  'claim lost to an outcome',
];

/** A series of runs (not a replay of one seed) must have stored every type of the catalogue,
 * passed items and café visits through every status, seen claims lose, and met each kind of
 * refusal the check accounts for. */
export function expectCovered(coverage: Coverage, runs: number): void {
  console.info(
    `simulation coverage over ${runs} runs:`,
    Object.fromEntries(coverage.stored),
    Object.fromEntries(coverage.statuses),
    Object.fromEntries(coverage.refused),
  );
  if (runs < 10) return;
  expect(EVENT_TYPES.filter((type) => !coverage.stored.has(type))).toEqual([]);
  expect(STATUSES.filter((status) => !coverage.statuses.has(status))).toEqual([]);
  for (const refusal of ['item.sold rule', 'item.inspected forbidden'])
    expect(coverage.refused.get(refusal) ?? 0, refusal).toBeGreaterThan(0);
}
