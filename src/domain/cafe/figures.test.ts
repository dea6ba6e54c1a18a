import { describe, expect, it } from 'vitest';
import { cafeFigures, visitCo2eKg } from './figures';
import { CAFE, foldSpec, OTHER_CAFE, session, sessionCode } from './testVisits';
import type { VisitSpec } from './testVisits';

// One café day, written out: 9 items checked in, 8 with an outcome.
const DAY = session(1, '2026-11-14', CAFE, { volunteers: 6, volunteerHours: 24 });
const S = sessionCode(1);
const SPECS: VisitSpec[] = [
  // Kettle, fixed, not weighed: footprint 44.32 × 0.5 = 22.16 kg; waste its 1.245 kg.
  { n: 1, session: S, category: 14, outcome: { status: 'fixed', fault: 'zekering', minutes: 20 } },
  // Misc (no footprint), fixed, weighed 2 kg: 2 × 32.07 × 0.5 = 32.07 kg.
  {
    n: 2,
    session: S,
    category: 18,
    weightKg: 2,
    outcome: { status: 'fixed', fault: 'draad los', minutes: 15 },
  },
  // Unpowered textile, fixed, weighed 1.5 kg: 1.5 × 17.70 × 0.5 = 13.275 kg.
  {
    n: 3,
    session: S,
    category: 0,
    unpoweredKind: 'textile',
    weightKg: 1.5,
    outcome: { status: 'fixed', fault: 'naad los', minutes: 25 },
  },
  // End of life: barrier 2 twice, barrier 1 once. No CO2e.
  {
    n: 4,
    session: S,
    category: 31,
    outcome: { status: 'end-of-life', barrier: 2, fault: 'element', minutes: 10 },
  },
  {
    n: 5,
    session: S,
    category: 34,
    weightKg: 7,
    outcome: { status: 'end-of-life', barrier: 2, fault: 'motor', minutes: 30 },
  },
  {
    n: 6,
    session: S,
    category: 7,
    outcome: { status: 'end-of-life', barrier: 1, fault: 'lager', minutes: 5 },
  },
  // An unpowered bike, repairable: a part is needed.
  {
    n: 7,
    session: S,
    category: 0,
    unpoweredKind: 'bike',
    outcome: {
      status: 'repairable',
      nextStep: 'do-it-yourself',
      spareParts: 'needed',
      fault: 'ketting',
      minutes: 10,
    },
  },
  // Misc fixed without a weight: nothing to go on, so not counted in CO2e, and said so.
  { n: 8, session: S, category: 18, outcome: { status: 'fixed', fault: 'knop', minutes: 5 } },
  // A kettle still waiting.
  { n: 9, session: S, category: 14 },
];
const VISITS = SPECS.map(foldSpec);
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

describe('cafeFigures, hand-computed for one café day', () => {
  const f = cafeFigures(VISITS, [DAY], NOVEMBER);

  it('counts visits, outcomes and their shares of the visits with an outcome', () => {
    expect(f.sessions).toBe(1);
    expect(f.visits).toBe(9);
    expect(f.unpowered).toBe(2);
    expect(f.outcomes).toBe(8);
    expect(f.fixed).toEqual({ count: 4, share: 0.5 });
    expect(f.repairable).toEqual({ count: 1, share: 0.125 });
    expect(f.endOfLife).toEqual({ count: 3, share: 0.375 });
  });

  it('counts barriers per ORDS barrier', () => {
    expect(f.barriers).toEqual([1, 2, 0, 0, 0, 0]);
    expect(f.noBarrier).toBe(0);
  });

  it('prevents CO2e and waste by fixed items only: footprint × 0.5, 32.07 and 17.70 per kg × 0.5', () => {
    expect(f.co2eAvoidedKg).toBe(67.505); // 22.16 + 32.07 + 13.275
    expect(f.wasteAvoidedKg).toBe(4.745); // 1.245 + 2 + 1.5
    expect(f.fixedUnweighed).toBe(1);
    expect(visitCo2eKg({ category: 0, weightKg: 10 })).toBeCloseTo(88.5, 10); // 10 × 17.70 × 0.5
    expect(visitCo2eKg({ category: 18, weightKg: 10 })).toBeCloseTo(160.35, 10); // 10 × 32.07 × 0.5
  });

  it('sums volunteer hours of closed sessions, fixers’ minutes, and names the top kinds', () => {
    expect(f.volunteers).toBe(6);
    expect(f.volunteerHours).toBe(24);
    expect(f.fixerMinutes).toBe(120);
    expect(f.topKinds.map((k) => [k.category, k.unpoweredKind, k.count])).toEqual([
      [14, null, 2],
      [18, null, 2],
      [0, 'bike', 1],
      [0, 'textile', 1],
      [7, null, 1],
    ]);
  });

  it('filters by café, by session and by the café day', () => {
    const other = session(2, '2026-12-05', OTHER_CAFE); // open: no hours yet
    const visits = [
      ...VISITS,
      foldSpec({
        n: 20,
        session: sessionCode(2),
        site: OTHER_CAFE,
        category: 14,
        outcome: { status: 'fixed', fault: 'x', minutes: 3 },
      }),
    ];
    const sessions = [DAY, other];
    const all = { from: '2026-11-01', to: '2026-12-31' };
    expect(cafeFigures(visits, sessions, all)).toMatchObject({ sessions: 2, visits: 10 });
    expect(cafeFigures(visits, sessions, { ...all, site: OTHER_CAFE })).toMatchObject({
      sessions: 1,
      visits: 1,
      volunteerHours: 0,
      co2eAvoidedKg: 22.16,
    });
    expect(cafeFigures(visits, sessions, { ...all, session: S })).toEqual(f);
    expect(cafeFigures(visits, sessions, NOVEMBER)).toEqual(f);
    expect(cafeFigures(visits, sessions, { from: '2027-01-01', to: '2027-01-31' })).toMatchObject({
      sessions: 0,
      visits: 0,
      fixed: { count: 0, share: null },
    });
  });
});
