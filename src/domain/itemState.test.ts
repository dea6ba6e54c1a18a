import { describe, it, expect } from 'vitest';
import { foldCage } from './cageState';
import { compareEvents } from './eventOrder';
import { foldItem } from './itemState';
import { CAGE, CAGE_2, ITEM, ITEM_2, at, ev, registration } from './testEvents';

const SHA = (c: string) => c.repeat(64);
const statusOf = (...events: Parameters<typeof foldItem>[1]) => foldItem(ITEM, events).status;

describe('foldItem fields', () => {
  it('takes the registration, with who, where and when', () => {
    const item = foldItem(ITEM, [
      registration(
        1,
        { brand: 'Philips', photos: [SHA('a')] },
        { actor: 'p-an', site: 'park-zuid' },
      ),
    ]);
    expect(item).toMatchObject({
      code: ITEM,
      registered: true,
      category: 14,
      brand: 'Philips',
      model: null,
      condition: 'works',
      complete: true,
      weightKg: 1.245,
      weighed: false,
      photos: [SHA('a')],
      site: 'park-zuid',
      registeredAt: at(1),
      registeredBy: 'p-an',
      updatedAt: at(1),
      status: 'registered',
      eventCount: 1,
    });
  });

  it('lets a correction override only the fields it carries, last writer wins', () => {
    const item = foldItem(ITEM, [
      ev(3, 'item.corrected', ITEM, { brand: 'Tefal' }),
      registration(1, { brand: 'Philips', model: 'HD9350' }),
      ev(2, 'item.corrected', ITEM, { brand: 'Bosch', weightKg: 2, weighed: true }),
    ]);
    expect(item).toMatchObject({
      brand: 'Tefal',
      model: 'HD9350',
      weightKg: 2,
      weighed: true,
      registeredAt: at(1),
    });
  });

  it('merges a second registration of the same life into the first, field by field', () => {
    const item = foldItem(ITEM, [
      registration(1, { brand: 'A', note: 'van het park' }),
      ev(2, 'item.corrected', ITEM, { brand: 'B' }),
      registration(3, { model: 'M', category: 29 }, { site: 'shop', actor: 'p-t01' }),
    ]);
    // The shop's quick registration keeps what only the park knew (brand, note) and sets what it
    // carries; the origin stays the park's.
    expect(item).toMatchObject({
      brand: 'B',
      note: 'van het park',
      model: 'M',
      category: 29,
      site: 'park-noord',
      registeredAt: at(1),
    });
  });

  it('starts a revived life whole: a registration after a void clears what it leaves out', () => {
    const item = foldItem(ITEM, [
      registration(1, { brand: 'A' }),
      ev(2, 'item.voided', ITEM, {}),
      registration(3, { model: 'M' }),
    ]);
    expect(item).toMatchObject({ brand: null, model: 'M', registeredAt: at(3) });
  });

  it('clears a field corrected to empty text', () => {
    expect(
      foldItem(ITEM, [registration(1, { note: 'x' }), ev(2, 'item.corrected', ITEM, { note: '' })])
        .note,
    ).toBeNull();
  });

  it('breaks equal hlc ties by id', () => {
    const a = ev(5, 'item.corrected', ITEM, { brand: 'first' }, { hlc: at(9) });
    const b = ev(6, 'item.corrected', ITEM, { brand: 'second' }, { hlc: at(9) });
    expect(compareEvents(a, b)).toBeLessThan(0);
    expect(foldItem(ITEM, [b, registration(1), a]).brand).toBe('second');
  });

  it('collects photos from registration, corrections and photo-added, once each, in hlc order', () => {
    const item = foldItem(ITEM, [
      ev(4, 'item.photo-added', ITEM, { photo: SHA('c') }),
      registration(1, { photos: [SHA('a'), SHA('b')] }),
      ev(2, 'item.photo-added', ITEM, { photo: SHA('b') }),
      ev(3, 'item.corrected', ITEM, { photos: [SHA('d')] }),
    ]);
    expect(item.photos).toEqual([SHA('a'), SHA('b'), SHA('d'), SHA('c')]);
  });

  it('keeps the latest test results and sums repair minutes', () => {
    const repair = { fault: 'f', action: 'a', parts: [], worker: 'W1' };
    const item = foldItem(ITEM, [
      registration(1),
      ev(2, 'item.safety-tested', ITEM, { result: 'pass', method: 'PAT' }),
      ev(3, 'item.safety-tested', ITEM, { result: 'fail', method: 'PAT' }),
      ev(4, 'item.repaired', ITEM, { ...repair, minutes: 20 }),
      ev(5, 'item.repaired', ITEM, { ...repair, minutes: 25 }),
      ev(6, 'item.function-tested', ITEM, { result: 'pass' }),
      ev(7, 'item.data-wiped', ITEM, { method: 'clear', tool: 't', verified: false }),
    ]);
    expect(item).toMatchObject({
      safety: { result: 'fail', at: at(3) },
      functionTest: { result: 'pass', at: at(6) },
      wipe: { verified: false, method: 'clear', at: at(7) },
      repairMinutes: 45,
      status: 'in-repair',
      eventCount: 7,
    });
  });

  it('ignores other subjects and duplicate ids', () => {
    const r = registration(1);
    const item = foldItem(ITEM, [
      r,
      r,
      { ...r },
      ev(2, 'item.registered', ITEM_2, r.data),
      ev(3, 'cage.opened', CAGE, {}),
    ]);
    expect(item.eventCount).toBe(1);
    expect(item.updatedAt).toBe(at(1));
  });

  it('picks one of two different events sharing an id by content, not by arrival', () => {
    const a = ev(2, 'item.corrected', ITEM, { brand: 'A' });
    const b = { ...a, data: { brand: 'B' } };
    expect(foldItem(ITEM, [registration(1), a, b])).toEqual(
      foldItem(ITEM, [b, registration(1), a]),
    );
  });

  it('folds an item that was never registered', () => {
    const item = foldItem(ITEM, [ev(2, 'item.received', ITEM, {}, { site: 'shop' })]);
    expect(item).toMatchObject({
      registered: false,
      category: null,
      site: null,
      registeredAt: null,
      status: 'received',
      receivedAt: at(2),
    });
  });

  it('keeps the first receipt as the arrival time', () => {
    expect(
      foldItem(ITEM, [ev(5, 'item.received', ITEM, {}), ev(3, 'item.received', ITEM, {})])
        .receivedAt,
    ).toBe(at(3));
  });

  it('gives an empty state for no events', () => {
    expect(foldItem(ITEM, [])).toMatchObject({
      registered: false,
      updatedAt: '',
      status: 'registered',
      eventCount: 0,
      photos: [],
    });
  });
});

describe('foldItem voiding', () => {
  it('voids the item when the latest of registration and void is a void', () => {
    const item = foldItem(ITEM, [registration(1), ev(2, 'item.voided', ITEM, {})]);
    expect(item).toMatchObject({ voided: true, status: 'voided', registered: true });
  });

  it('revives the item on a later registration, which starts its new life', () => {
    const item = foldItem(ITEM, [
      registration(1, { category: 19 }),
      ev(2, 'item.voided', ITEM, {}),
      registration(3, { category: 29 }, { actor: 'p-bo' }),
    ]);
    expect(item).toMatchObject({
      voided: false,
      status: 'registered',
      category: 29,
      registeredAt: at(3),
      registeredBy: 'p-bo',
    });
  });
});

describe('foldItem status', () => {
  const caged = ev(2, 'item.caged', ITEM, { cage: CAGE });
  const cageEvents = [
    ev(1, 'cage.opened', CAGE, {}),
    ev(3, 'cage.closed', CAGE, { count: 1 }),
    ev(4, 'cage.collected', CAGE, {}),
    ev(5, 'cage.received', CAGE, {}),
  ];
  const cageAfter = (n: number) => foldCage(CAGE, cageEvents.slice(0, n));

  it('follows the cage from the park to the shop', () => {
    const events = [registration(1), caged];
    expect(statusOf(registration(1))).toBe('registered');
    expect(foldItem(ITEM, events).status).toBe('caged');
    expect(foldItem(ITEM, events, cageAfter(2)).status).toBe('caged');
    expect(foldItem(ITEM, events, cageAfter(3)).status).toBe('in-transit');
    // A received cage is not a received item: each item is scanned at the shop's intake.
    expect(foldItem(ITEM, events, cageAfter(4)).status).toBe('in-transit');
    expect(
      foldItem(ITEM, events, foldCage(CAGE_2, [ev(6, 'cage.received', CAGE_2, {})])).status,
    ).toBe('caged');
    expect(foldItem(ITEM, [...events, ev(6, 'item.received', ITEM, {})]).status).toBe('received');
  });

  it('does not let a cage event from before the item was caged move it on', () => {
    const late = ev(9, 'item.caged', ITEM, { cage: CAGE });
    expect(
      foldItem(ITEM, [registration(1), late], foldCage(CAGE, cageEvents.slice(0, 3))).status,
    ).toBe('caged');
  });

  it("judges an item by the trip it travelled on, not by the cage's current one", () => {
    const nextTrip = foldCage(CAGE, [...cageEvents, ev(7, 'cage.opened', CAGE, {})]);
    expect(foldItem(ITEM, [registration(1), caged], nextTrip).status).toBe('in-transit');
    const unpackedThenReused = foldCage(CAGE, [
      ...cageEvents,
      ev(6, 'cage.unpacked', CAGE, {}),
      ev(7, 'cage.opened', CAGE, {}),
    ]);
    expect(foldItem(ITEM, [registration(1), caged], unpackedThenReused).status).toBe('missing');
  });

  it('marks an item missing once its cage is unpacked without it, and found when scanned', () => {
    const unpacked = foldCage(CAGE, [...cageEvents, ev(6, 'cage.unpacked', CAGE, {})]);
    expect(foldItem(ITEM, [registration(1), caged], unpacked).status).toBe('missing');
    // Scanned after all (stamped after the unpacking): one set of events, one answer.
    const found = [registration(1), caged, ev(8, 'item.received', ITEM, { cage: CAGE })];
    expect(foldItem(ITEM, found, unpacked)).toMatchObject({
      status: 'received',
      receivedAt: at(8),
      receivedCage: CAGE,
    });
    // Caged after the cage was unpacked (a skewed clock): not declared missing.
    const late = ev(9, 'item.caged', ITEM, { cage: CAGE });
    expect(foldItem(ITEM, [registration(1), late], unpacked).status).toBe('caged');
  });

  it('moves through the workshop to sale', () => {
    const base = [
      registration(1),
      ev(6, 'item.received', ITEM, {}),
      ev(7, 'item.inspected', ITEM, { visual: 'ok', complete: true }),
    ];
    expect(statusOf(...base)).toBe('in-repair');
    const priced = [...base, ev(8, 'item.priced', ITEM, { priceEur: 12.5, warrantyMonths: 3 })];
    expect(foldItem(ITEM, priced)).toMatchObject({
      status: 'for-sale',
      price: { priceEur: 12.5, warrantyMonths: 3, at: at(8) },
    });
    const sold = [...priced, ev(9, 'item.sold', ITEM, { priceEur: 10 })];
    expect(foldItem(ITEM, sold)).toMatchObject({
      status: 'sold',
      sale: { priceEur: 10, at: at(9) },
    });
  });

  it('sends a returned item back to the workshop until it is priced again', () => {
    const sold = [
      registration(1),
      ev(8, 'item.priced', ITEM, { priceEur: 12, warrantyMonths: 3 }),
      ev(9, 'item.sold', ITEM, { priceEur: 12 }),
    ];
    const returned = [...sold, ev(10, 'item.returned', ITEM, { reason: 'defect' })];
    expect(foldItem(ITEM, returned)).toMatchObject({
      status: 'in-repair',
      sale: null,
      price: { priceEur: 12 },
    });
    expect(
      statusOf(...returned, ev(11, 'item.priced', ITEM, { priceEur: 8, warrantyMonths: 0 })),
    ).toBe('for-sale');
    expect(statusOf(...returned, ev(12, 'item.sold', ITEM, { priceEur: 8 }))).toBe('sold');
  });

  it('lets the latest of price and rejection decide', () => {
    const rejected = ev(8, 'item.rejected', ITEM, { reason: 'unsafe', destination: 'recycling' });
    const priced = ev(9, 'item.priced', ITEM, { priceEur: 5, warrantyMonths: 0 });
    expect(foldItem(ITEM, [registration(1), rejected])).toMatchObject({
      status: 'rejected',
      rejection: { reason: 'unsafe', destination: 'recycling', at: at(8) },
    });
    expect(foldItem(ITEM, [registration(1), rejected, priced])).toMatchObject({
      status: 'for-sale',
      rejection: null,
    });
    const rejectedLater = ev(10, 'item.rejected', ITEM, { reason: 3, destination: 'parts' });
    expect(statusOf(registration(1), rejected, priced, rejectedLater)).toBe('rejected');
  });

  it('puts voided before everything and sold before a rejection made earlier', () => {
    expect(
      statusOf(
        registration(1),
        ev(2, 'item.sold', ITEM, { priceEur: 1 }),
        ev(3, 'item.voided', ITEM, {}),
      ),
    ).toBe('voided');
    expect(
      statusOf(
        registration(1),
        ev(2, 'item.rejected', ITEM, { reason: 1, destination: 'parts' }),
        ev(3, 'item.sold', ITEM, { priceEur: 1 }),
      ),
    ).toBe('sold');
  });
});
