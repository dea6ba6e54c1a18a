import { describe, expect, it } from 'vitest';
import { foldItem, type BewaarEvent } from '../../domain';
import { CAGE, CAGE_2 as OTHER, ITEM, ev, registration } from '../../domain/testEvents';
import { custodyOf } from './custody';

const custody = (events: BewaarEvent[]) => custodyOf(foldItem(ITEM, events));

describe('custody on the item card', () => {
  it('says "no cage yet" only for an item neither caged nor at the shop', () => {
    expect(custody([registration(1)])).toEqual({ kind: 'none' });
  });

  it('names the cage an item was scanned out of at the shop, though the park never caged it', () => {
    // Scanned while unpacking, then registered quickly at the shop.
    const events = [ev(1, 'item.received', ITEM, { cage: CAGE }), registration(2)];
    expect(custody(events)).toEqual({ kind: 'unpacked', cage: CAGE });
  });

  it('says an item arrived at the shop without a cage when it was scanned outside an unpacking', () => {
    expect(custody([ev(1, 'item.received', ITEM, {}), registration(2)])).toEqual({
      kind: 'shop-no-cage',
    });
  });

  it("names the park's cage, and the other cage the shop took it out of if they differ", () => {
    const caged = [registration(1), ev(2, 'item.caged', ITEM, { cage: CAGE })];
    expect(custody(caged)).toEqual({ kind: 'caged', cage: CAGE });
    expect(custody([...caged, ev(3, 'item.received', ITEM, { cage: CAGE })])).toEqual({
      kind: 'caged',
      cage: CAGE,
    });
    expect(custody([...caged, ev(3, 'item.received', ITEM, { cage: OTHER })])).toEqual({
      kind: 'caged-unpacked-other',
      cage: CAGE,
      unpackedFrom: OTHER,
    });
  });
});
