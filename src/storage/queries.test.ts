// The day's list with a save's rows put in at once: where the index would put them, or out.
import { describe, expect, it } from 'vitest';
import type { ItemRow } from './db';
import { withWrittenRows } from './queries';

const row = (code: string, registeredAt: string | null, extra: Partial<ItemRow> = {}) =>
  ({ code, registeredAt, site: 'park-1', day: '2026-12-03', voided: false, ...extra }) as ItemRow;
const list = (...items: ItemRow[]) => ({ items, total: items.length });
const codes = (l: { items: ItemRow[] }) => l.items.map((i) => i.code);

describe('withWrittenRows', () => {
  const b = row('B', '2026-12-03T09:00:00.000Z-0000-aa');
  const a = row('A', '2026-12-03T08:00:00.000Z-0000-aa');

  it('puts a new registration first and counts it', () => {
    const c = row('C', '2026-12-03T10:00:00.000Z-0000-aa');
    const next = withWrittenRows(list(b, a), [c], 'park-1', '2026-12-03', 20);
    expect(codes(next)).toEqual(['C', 'B', 'A']);
    expect(next.total).toBe(3);
  });

  it('keeps a full list at its limit, and leaves it alone for a row older than its last', () => {
    const c = row('C', '2026-12-03T10:00:00.000Z-0000-aa');
    const full = { items: [b, a], total: 7 };
    const withNew = withWrittenRows(full, [c], 'park-1', '2026-12-03', 2);
    expect(codes(withNew)).toEqual(['C', 'B']);
    expect(withNew.total).toBe(8);
    const old = row('Z', '2026-12-03T07:00:00.000Z-0000-aa');
    expect(withWrittenRows(full, [old], 'park-1', '2026-12-03', 2)).toEqual(full);
  });

  it('replaces a corrected row in place and takes an undone one out', () => {
    const corrected = { ...b, brand: 'Philips' };
    const next = withWrittenRows(list(b, a), [corrected], 'park-1', '2026-12-03', 20);
    expect(next.items[0]?.brand).toBe('Philips');
    expect(next.total).toBe(2);
    const undone = withWrittenRows(
      list(b, a),
      [{ ...b, voided: true }],
      'park-1',
      '2026-12-03',
      20,
    );
    expect(codes(undone)).toEqual(['A']);
    expect(undone.total).toBe(1);
  });

  it('ignores rows of another site or day', () => {
    const elsewhere = row('C', '2026-12-03T10:00:00.000Z-0000-aa', { site: 'park-2' });
    const yesterday = row('D', '2026-12-02T10:00:00.000Z-0000-aa', { day: '2026-12-02' });
    expect(withWrittenRows(list(b, a), [elsewhere, yesterday], 'park-1', '2026-12-03', 20)).toEqual(
      list(b, a),
    );
  });
});
