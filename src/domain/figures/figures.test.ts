import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../hlc';
import { figureLines } from './figureLine';
import { computeFigures } from './figures';
import { co2eAvoidedKg, itemKg } from './impact';
import { figureItemsFromEvents } from './itemFacts';
import { brusselsDay, brusselsParts, figureFilterSchema, median } from './period';
import { EVENTS, NOORD, SHOP, ZUID, code } from './testItems';

const ITEMS = figureItemsFromEvents(EVENTS);
const LINES = figureLines(ITEMS);
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };
const amount = (count: number, kg: number) => ({ count, kg });

describe('the fixed pilot', () => {
  it('folds the items the tests rely on', () => {
    const status = (letter: string) => ITEMS.find((i) => i.code === code(letter))?.status;
    expect('A B C D E F G H J K M N P Q'.split(' ').map(status)).toEqual([
      'sold', 'sold', 'for-sale', 'sold', 'rejected', 'rejected', 'rejected', 'missing',
      'caged', 'registered', 'voided', 'in-repair', 'sold', 'sold',
    ]); // prettier-ignore
  });
});

describe('computeFigures, November, hand-computed', () => {
  const f = computeFigures(LINES, NOVEMBER);

  it('counts registered, received, missing by their own event date in Brussels', () => {
    // A B C D E F G H J N; D at 00:30 on 1 Nov in Brussels is in, K at 00:30 on 1 Dec is out.
    expect(f.registered).toEqual(amount(10, 27.502));
    expect(f.received).toEqual(amount(9, 23.576)); // A B C D E F G N P
    expect(f.missing).toEqual(amount(1, 2.681)); // H, its cage unpacked on 22 Nov
  });

  it('counts the workshop: tested, reached, repaired, labour', () => {
    expect(f.tested).toEqual(amount(5, 14.511)); // A B D E F
    expect(f.workshop).toEqual(amount(9, 23.576)); // A B C D E F G N P (Q was priced in Oct)
    expect(f.repaired).toEqual(amount(2, 5.245)); // A C
    expect(f.labourMinutes).toBe(75); // A 30 + C 45; C's 15 minutes on 2 Dec are December's
    expect(f.repairRate).toBe(2 / 9);
  });

  it('counts the shelf and the sales', () => {
    expect(f.forSale).toEqual(amount(6, 11.415)); // A B C D N P
    expect(f.onShelf).toEqual(amount(1, 4)); // C
    // A B D P Q; N's sale was undone by its return; Q came from October's stock.
    expect(f.sold).toEqual({ count: 5, kg: 7.49, revenueEur: 193 });
    expect(f.wasteAvoidedKg).toBe(7.49);
    // kettle 44.32 × 0.5 twice, laptop 265.32 × 0.5, misc 3 kg × 32.07 × 0.5, P without category 0
    expect(f.co2eAvoidedKg).toBe(225.085);
    expect(f.reuseRate).toBe(7490 / 27502);
  });

  it('takes medians of the days from park to shelf and to sale', () => {
    expect(f.medianDaysParkToShelf).toBe(4); // A 3, B 5, C 15, D 4, N 2
    expect(f.medianDaysParkToSale).toBe(12.5); // A 8, B 17, D 6, Q 19
  });

  it('splits the rejections by reason and destination', () => {
    expect(f.rejected).toEqual(amount(3, 12.161));
    expect(f.rejectedByReason).toEqual([
      { reason: 2, count: 1, kg: 6.801 },
      { reason: 'unsafe', count: 1, kg: 1.465 },
      { reason: 'no-demand', count: 1, kg: 3.895 },
    ]);
    expect(f.rejectedByDestination).toEqual([
      { destination: 'recycling', count: 2, kg: 5.36 },
      { destination: 'parts', count: 1, kg: 6.801 },
    ]);
  });

  it('follows November’s registrations through the funnel', () => {
    expect(f.funnel).toEqual({ registered: 10, received: 8, forSale: 5, sold: 3 });
  });

  it('gives the monthly series per park and the outcomes per category', () => {
    const sales = (count: number, kg: number, revenueEur: number) => ({ count, kg, revenueEur });
    expect(f.monthly).toEqual([
      { park: null, month: '2026-11', registered: amount(0, 0), sold: sales(1, 0, 5) },
      { park: NOORD, month: '2026-11', registered: amount(5, 13.286), sold: sales(2, 2.49, 18) },
      { park: ZUID, month: '2026-11', registered: amount(5, 14.216), sold: sales(2, 5, 170) },
    ]);
    const none = amount(0, 0);
    const row = (
      category: number | null,
      reg = none,
      sold = sales(0, 0, 0),
      rej = none,
      co2 = 0,
    ) => ({ category, registered: reg, sold, rejected: rej, co2eAvoidedKg: co2 });
    expect(f.byCategory).toEqual([
      row(7, amount(1, 3.895), undefined, amount(1, 3.895)),
      row(14, amount(2, 2.49), sales(2, 2.49, 18), none, 44.32),
      row(15, amount(1, 2.681)),
      row(16, amount(1, 2), sales(1, 2, 150), none, 132.66),
      row(18, amount(2, 7), sales(1, 3, 20), none, 48.105),
      row(31, amount(1, 1.465), undefined, amount(1, 1.465)),
      row(34, amount(1, 6.801), undefined, amount(1, 6.801)),
      row(40, amount(1, 1.17)),
      row(null, none, sales(1, 0, 5)),
    ]);
  });
});

describe('computeFigures filters', () => {
  it('takes a park as the park of origin', () => {
    const f = computeFigures(LINES, { ...NOVEMBER, site: NOORD });
    expect(f.registered.count).toBe(5); // A C E G H
    expect(f.sold.count).toBe(2); // A Q
  });

  it('takes a shop as the shop that received or worked on the item', () => {
    const f = computeFigures(LINES, { ...NOVEMBER, site: SHOP });
    expect(f.registered.count).toBe(8); // not H (missing) nor J (still caged)
    expect(f.sold.count).toBe(5);
  });

  it('takes the item’s current category', () => {
    const f = computeFigures(LINES, { ...NOVEMBER, category: 14 });
    expect([f.registered.count, f.sold.count]).toEqual([2, 2]); // A J; A Q (M is voided)
  });

  it('puts each registration in its Brussels month', () => {
    const f = computeFigures(LINES, { from: '2026-10-01', to: '2026-12-31', site: NOORD });
    expect(f.monthly.map((m) => [m.month, m.registered.count])).toEqual([
      ['2026-10', 1], // Q
      ['2026-11', 5],
      ['2026-12', 1], // K, 30 Nov 23:30 UTC
    ]);
  });

  it('counts nothing in an empty period, with rates and medians left open', () => {
    const f = computeFigures(LINES, { from: '2025-01-01', to: '2025-01-31' });
    expect(f.registered).toEqual(amount(0, 0));
    expect([f.reuseRate, f.repairRate, f.medianDaysParkToSale]).toEqual([null, null, null]);
  });
});

describe('period and impact helpers', () => {
  it('reads Brussels days across both DST changes', () => {
    expect(brusselsDay('2026-03-28T23:30:00.000Z-0000-0123456789abcdef')).toBe('2026-03-29');
    expect(brusselsDay('2026-06-30T22:30:00.000Z-0000-0123456789abcdef')).toBe('2026-07-01');
    expect(brusselsDay('2026-06-30T21:59:59.999Z-0000-0123456789abcdef')).toBe('2026-06-30');
    expect(brusselsDay('not a stamp')).toBeNull();
  });

  it('validates a filter from a query string', () => {
    expect(
      figureFilterSchema.parse({ from: '2026-11-01', to: '2026-11-30', category: '14' }),
    ).toEqual({ from: '2026-11-01', to: '2026-11-30', category: 14 });
    expect(figureFilterSchema.safeParse({ from: '2026-11-31', to: '2026-12-01' }).success).toBe(
      false,
    );
    expect(figureFilterSchema.safeParse({ from: '2026-12-01', to: '2026-11-01' }).success).toBe(
      false,
    );
  });

  it('takes medians of odd and even counts', () => {
    expect([median([]), median([3, 1, 2]), median([4, 1, 3, 2])]).toEqual([null, 2, 2.5]);
  });

  it('falls back to the category weight, and to kg × 32.07 without a footprint', () => {
    expect(itemKg({ weightKg: null, category: 14 })).toBe(1.245);
    expect(itemKg({ weightKg: null, category: null })).toBe(0);
    expect(co2eAvoidedKg({ weightKg: 2, category: 20 })).toBeCloseTo(32.07, 10); // no CO2e data
    expect(co2eAvoidedKg({ weightKg: 9, category: 16 })).toBe(132.66); // weight plays no part
  });
});

describe('brusselsDay from its hour cache', () => {
  it('equals the Intl answer for any instant, across both daylight-saving switches', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }), (ms) => {
        expect(brusselsDay(formatHlc(ms, 0, '00000000000000aa'))).toBe(brusselsParts(ms).day);
      }),
      { numRuns: 2000, seed: 20261127 },
    );
    // The hours around the switch to summer time (29 March 2026, 01:00 UTC) and back.
    for (const ms of [
      Date.UTC(2026, 2, 28, 22, 59),
      Date.UTC(2026, 2, 28, 23, 0),
      Date.UTC(2026, 9, 24, 21, 59),
      Date.UTC(2026, 9, 24, 22, 0),
    ]) {
      expect(brusselsDay(formatHlc(ms, 0, '00000000000000aa'))).toBe(brusselsParts(ms).day);
    }
    expect(brusselsDay('not a stamp')).toBeNull();
  });
});
