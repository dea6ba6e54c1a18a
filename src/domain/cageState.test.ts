import { describe, it, expect } from 'vitest';
import { cageContents, foldCage } from './cageState';
import { foldItem } from './itemState';
import { CAGE, ITEM, ITEM_2, at, ev, registration, testCode } from './testEvents';

const open = (n: number, site = 'park-noord') => ev(n, 'cage.opened', CAGE, {}, { site });
const close = (n: number, count: number) => ev(n, 'cage.closed', CAGE, { count });
const collect = (n: number) => ev(n, 'cage.collected', CAGE, {}, { site: 'shop' });
const receive = (n: number) => ev(n, 'cage.received', CAGE, {}, { site: 'shop' });

describe('foldCage', () => {
  it('follows one trip', () => {
    expect(foldCage(CAGE, [open(1)])).toMatchObject({
      status: 'open',
      openedAt: at(1),
      site: 'park-noord',
      updatedAt: at(1),
    });
    const trip = {
      openedAt: at(1),
      closedAt: at(2),
      closedCount: 7,
      closedRegistered: null,
      collectedAt: at(3),
      receivedAt: at(4),
      unpackedAt: at(5),
    };
    const unpack = ev(5, 'cage.unpacked', CAGE, {}, { site: 'shop' });
    expect(foldCage(CAGE, [receive(4), unpack, close(2, 7), collect(3), open(1)])).toEqual({
      code: CAGE,
      site: 'park-noord',
      status: 'received',
      ...trip,
      trips: [trip],
      updatedAt: at(5),
    });
  });

  it('keeps the registered number a closing device recorded next to its count', () => {
    const closed = ev(2, 'cage.closed', CAGE, { count: 4, registered: 3 });
    expect(foldCage(CAGE, [open(1), closed])).toMatchObject({
      status: 'closed',
      closedCount: 4,
      closedRegistered: 3,
    });
    // A reopen asks for a new count, and the old difference goes with it.
    expect(foldCage(CAGE, [open(1), closed, open(3)])).toMatchObject({
      closedCount: null,
      closedRegistered: null,
    });
    // An older device's close has no registered number.
    expect(foldCage(CAGE, [open(1), close(2, 7)]).closedRegistered).toBeNull();
  });

  it('starts a new trip when the cage is opened again after it came back', () => {
    const cage = foldCage(CAGE, [
      open(1),
      close(2, 7),
      collect(3),
      receive(4),
      open(5, 'park-zuid'),
    ]);
    expect(cage).toMatchObject({
      status: 'open',
      site: 'park-zuid',
      openedAt: at(5),
      closedAt: null,
      closedCount: null,
      collectedAt: null,
      receivedAt: null,
    });
    expect(cage.trips.map((t) => t.openedAt)).toEqual([at(1), at(5)]);
    expect(cage.trips[0]).toMatchObject({ closedCount: 7, receivedAt: at(4) });
  });

  it('keeps the trip when the cage is reopened at the park, and asks for a new count', () => {
    const cage = foldCage(CAGE, [open(1), close(2, 7), open(3)]);
    expect(cage).toMatchObject({
      status: 'open',
      openedAt: at(1),
      closedAt: null,
      closedCount: null,
    });
    expect(foldCage(CAGE, [open(1), close(2, 7), open(3), close(4, 8)])).toMatchObject({
      status: 'closed',
      closedCount: 8,
    });
  });

  it('never moves a collected cage back to closed because of a skewed clock', () => {
    expect(foldCage(CAGE, [open(1), collect(2), close(3, 4)]).status).toBe('collected');
  });

  it('treats everything as one trip while no cage.opened has arrived', () => {
    expect(foldCage(CAGE, [close(2, 3), collect(3)])).toMatchObject({
      status: 'collected',
      openedAt: null,
      closedCount: 3,
      site: null,
    });
  });

  it('gives an open cage with no history for no events, and ignores other subjects', () => {
    expect(foldCage(CAGE, [registration(1)])).toMatchObject({
      status: 'open',
      updatedAt: '',
      openedAt: null,
    });
  });
});

describe('cageContents', () => {
  const itemIn = (code: string, n: number, cage = CAGE) =>
    foldItem(code, [
      ev(n * 10, 'item.registered', code, registration(0).data),
      ev(n * 10 + 1, 'item.caged', code, { cage }),
    ]);

  it('lists the live items of the current trip in caging order', () => {
    const third = testCode('BW', '00000003');
    const other = testCode('BW', '00000004');
    const voided = testCode('BW', '00000005');
    const cage = foldCage(CAGE, [open(5)]);
    const items = [
      itemIn(ITEM_2, 3),
      itemIn(ITEM, 2),
      itemIn(third, 0), // caged before the trip began
      itemIn(other, 4, testCode('BK', '4CAGE009')),
      foldItem(voided, [
        ev(50, 'item.registered', voided, registration(0).data),
        ev(51, 'item.caged', voided, { cage: CAGE }),
        ev(52, 'item.voided', voided, {}),
      ]),
    ];
    expect(cageContents(cage, items).map((i) => i.code)).toEqual([ITEM, ITEM_2]);
  });

  it('counts every item of the cage while the trip start is unknown', () => {
    const cage = foldCage(CAGE, [close(90, 2)]);
    expect(cageContents(cage, [itemIn(ITEM_2, 3), itemIn(ITEM, 2)]).map((i) => i.code)).toEqual([
      ITEM,
      ITEM_2,
    ]);
  });
});
