import { describe, it, expect } from 'vitest';
import { foldItem } from './itemState';
import type { BewaarEvent } from './events';
import { canApply, saleBlockers } from './rules';
import { ITEM, ev, registration } from './testEvents';

const pass = (n: number) =>
  ev(n, 'item.safety-tested', ITEM, { result: 'pass', method: 'PAT class I' });
const fail = (n: number) =>
  ev(n, 'item.safety-tested', ITEM, { result: 'fail', method: 'PAT class I' });
const wipe = (n: number, verified: boolean) =>
  ev(n, 'item.data-wiped', ITEM, { method: 'purge', tool: 'nwipe', verified });
const priced = (n: number) => ev(n, 'item.priced', ITEM, { priceEur: 20, warrantyMonths: 3 });
const sold = (n: number) => ev(n, 'item.sold', ITEM, { priceEur: 20 });
const item = (...events: BewaarEvent[]) => foldItem(ITEM, events);

describe('saleBlockers', () => {
  it('asks a mains device (kettle) for a passed safety test, and nothing else', () => {
    expect(saleBlockers(item(registration(1)), 'price')).toEqual(['safety-test-required']);
    expect(saleBlockers(item(registration(1), pass(2)), 'price')).toEqual([]);
    expect(saleBlockers(item(registration(1), pass(2)), 'sell')).toEqual([]);
  });

  it('counts only the latest safety test', () => {
    expect(saleBlockers(item(registration(1), pass(2), fail(3)), 'price')).toEqual([
      'safety-test-required',
    ]);
    expect(saleBlockers(item(registration(1), fail(2), pass(3)), 'price')).toEqual([]);
  });

  it('asks a phone for a verified wipe but no safety test', () => {
    const phone = registration(1, { category: 19 });
    expect(saleBlockers(item(phone), 'sell')).toEqual(['data-wipe-required']);
    expect(saleBlockers(item(phone, wipe(2, false)), 'sell')).toEqual(['data-wipe-required']);
    expect(saleBlockers(item(phone, wipe(2, true)), 'sell')).toEqual([]);
    expect(saleBlockers(item(phone, wipe(2, true), wipe(3, false)), 'price')).toEqual([
      'data-wipe-required',
    ]);
  });

  it('asks a laptop for both', () => {
    const laptop = registration(1, { category: 16 });
    expect(saleBlockers(item(laptop), 'price')).toEqual([
      'data-wipe-required',
      'safety-test-required',
    ]);
    expect(saleBlockers(item(laptop, pass(2), wipe(3, true)), 'price')).toEqual([]);
  });

  it('follows a category correction', () => {
    const events = [
      registration(1, { category: 19 }),
      ev(2, 'item.corrected', ITEM, { category: 11 }),
    ];
    expect(saleBlockers(item(...events), 'price')).toEqual([]);
  });

  it('refuses unregistered, voided and sold items', () => {
    expect(saleBlockers(item(ev(1, 'item.received', ITEM, {})), 'price')).toEqual([
      'not-registered',
    ]);
    expect(
      saleBlockers(item(registration(1), pass(2), ev(3, 'item.voided', ITEM, {})), 'price'),
    ).toEqual(['voided']);
    expect(saleBlockers(item(registration(1), pass(2), priced(3), sold(4)), 'sell')).toEqual([
      'already-sold',
    ]);
    expect(saleBlockers(item(registration(1), pass(2), priced(3), sold(4)), 'price')).toEqual([
      'already-sold',
    ]);
  });

  it('allows a returned item to be priced and sold again', () => {
    const back = ev(5, 'item.returned', ITEM, { reason: 'te luid' });
    expect(saleBlockers(item(registration(1), pass(2), priced(3), sold(4), back), 'sell')).toEqual(
      [],
    );
  });

  it('refuses to sell a rejected item but lets a new price supersede the rejection', () => {
    const rejected = item(
      registration(1),
      pass(2),
      ev(3, 'item.rejected', ITEM, { reason: 'no-demand', destination: 'parts' }),
    );
    expect(saleBlockers(rejected, 'sell')).toEqual(['rejected']);
    expect(saleBlockers(rejected, 'price')).toEqual([]);
  });
});

describe('canApply', () => {
  const kettle = item(registration(1));
  it('checks price and sale events', () => {
    expect(canApply(kettle, priced(5))).toEqual({ ok: false, blockers: ['safety-test-required'] });
    expect(canApply(kettle, sold(5))).toEqual({ ok: false, blockers: ['safety-test-required'] });
    expect(canApply(item(registration(1), pass(2)), sold(5))).toEqual({ ok: true });
  });
  it('lets every other event through', () => {
    expect(canApply(kettle, fail(5))).toEqual({ ok: true });
    expect(
      canApply(
        kettle,
        ev(6, 'item.rejected', ITEM, { reason: 'unsafe', destination: 'recycling' }),
      ),
    ).toEqual({ ok: true });
  });
});
