import { describe, expect, it } from 'vitest';
import { countKind, rankKinds, USUAL_KINDS } from './kindOrder';

describe('kind order', () => {
  it('starts with the usual kinds before a park has logged anything', () => {
    const order = rankKinds(new Map());
    expect(order).toHaveLength(40);
    expect(new Set(order).size).toBe(40);
    expect(order.slice(0, USUAL_KINDS.length)).toEqual(USUAL_KINDS);
    // The rest by id.
    expect(order.slice(USUAL_KINDS.length)).toEqual(
      [...order.slice(USUAL_KINDS.length)].sort((a, b) => a - b),
    );
  });

  it('puts what this park logs most first, ties in the usual order', () => {
    const counts = new Map([
      [16, 30], // laptops: this park's speciality
      [19, 12],
      [14, 12], // kettle is usual, the phone is not: the kettle goes first
      [34, 2],
    ]);
    expect(rankKinds(counts).slice(0, 5)).toEqual([16, 14, 19, 34, 36]);
  });

  it('moves a kind up as this device logs it', () => {
    let counts = new Map([[34, 1]]) as ReadonlyMap<number, number>;
    for (let i = 0; i < 2; i++) counts = countKind(counts, 1);
    expect(counts.get(1)).toBe(2);
    expect(rankKinds(counts)[0]).toBe(1);
  });
});
