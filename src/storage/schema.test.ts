// The upgrade path: a device that still has the v1 database keeps its data and gains the v2
// index, filled for the items it already had.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../domain';
import { openBewaarDb } from './db';
import { localDay } from './localDay';
import { SCHEMA_V1 } from './schema';

describe('schema upgrade from v1 to the current version', () => {
  it('keeps every v1 row and fills the day index', async () => {
    const name = `upgrade-${Math.random()}`;
    const registeredMs = Date.UTC(2026, 5, 3, 9, 30);
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('items').put({
      code: 'BW0000000000',
      site: 'park-1',
      registeredAt: formatHlc(registeredMs, 0, '00000000000000aa'),
      brand: 'Philips',
    });
    await v1
      .table('items')
      .put({ code: 'BW1111111111', site: 'park-1', registeredAt: null, brand: null });
    await v1.table('events').put({ id: 'e1', subject: 'BW0000000000', hlc: 'x' });
    await v1.table('outbox').put({ id: 'e1', queuedAt: 1, attempts: 0 });
    v1.close();

    const v2 = openBewaarDb(name);
    await v2.open();
    expect(v2.verno).toBe(5);
    expect(await v2.figureBuckets.count()).toBe(0);
    expect(await v2.photoQueue.count()).toBe(0);
    expect(await v2.events.count()).toBe(1);
    expect(await v2.outbox.count()).toBe(1);
    const day = localDay(registeredMs);
    expect(
      (
        await v2.items
          .where('[site+day+registeredAt]')
          .between(['park-1', day, Dexie.minKey], ['park-1', day, Dexie.maxKey])
          .toArray()
      ).map((i) => i.code),
    ).toEqual(['BW0000000000']);
    expect(await v2.items.orderBy('brand').uniqueKeys()).toEqual(['Philips']);
    expect((await v2.items.get('BW1111111111'))?.day).toBe('');
    // v4's index answers queries (it fills when the projections are rebuilt at start).
    expect(await v2.items.where('receivedCage').equals('BK0000000000').count()).toBe(0);
    await v2.delete();
  });
});
