// The upgrade paths: a device that still has the v1 database keeps its data and gains the v2
// index, filled for the items it already had; a v5 device's per-event log moves into pages; a v8
// device's page subjects move out of the pages' index into their own table.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../domain';
import { openBewaarDb } from './db';
import { localDay } from './localDay';
import { allLoggedEvents, eventsOfSubjects, loggedEventCount, subjectHistory } from './log';
import { SCHEMA_V1, SCHEMA_V5, SCHEMA_V8 } from './schema';

/** `count` events as an older release stored them, spread over `subjects` subjects in turn. */
function notedEvents(count: number, subjects: number) {
  return Array.from({ length: count }, (_, n) => ({
    id: `0194d7c6-0000-7000-8000-${String(n).padStart(12, '0')}`,
    subject: `BW${String(n % subjects).padStart(10, '0')}`,
    hlc: formatHlc(Date.UTC(2026, 5, 3) + n, 0, '00000000000000aa'),
    type: 'item.noted',
    data: { n },
  }));
}

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
    expect(v2.verno).toBe(10);
    expect(v2.tables.map((t) => t.name)).not.toContain('events');
    // v9 keeps the v1 event's subject beside its page, not in an index of the page.
    expect(v2.logPages.schema.idxByName).not.toHaveProperty('subjects');
    expect(await v2.logSubjects.toArray()).toEqual([{ n: 1, subjects: ['BW0000000000'] }]);
    // v8 dropped the unread site indexes.
    expect(v2.items.schema.idxByName).not.toHaveProperty('site');
    expect(v2.cages.schema.idxByName).not.toHaveProperty('site');
    expect(await v2.figureBuckets.count()).toBe(0);
    expect(await v2.photoQueue.count()).toBe(0);
    // v10 adds the café's tables, empty until the projections are rebuilt.
    expect(await v2.visits.count()).toBe(0);
    expect(v2.visits.schema.idxByName).toHaveProperty('session');
    expect(v2.sessions.schema.idxByName).toHaveProperty('date');
    expect(await v2.cafeContacts.count()).toBe(0);
    expect(await loggedEventCount(v2)).toBe(1);
    expect(await v2.outbox.toArray()).toEqual([
      {
        id: 'e1',
        queuedAt: 1,
        attempts: 0,
        event: { id: 'e1', subject: 'BW0000000000', hlc: 'x' },
      },
    ]);
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

  it('moves a v5 log of one record per event into pages and keeps the outbox whole', async () => {
    const name = `upgrade-v5-${Math.random()}`;
    const v5 = new Dexie(name);
    v5.version(5).stores(SCHEMA_V5);
    const events = notedEvents(2_345, 300);
    await v5.table('events').bulkPut(events);
    const waiting = events.slice(-3);
    await v5.table('outbox').bulkPut(waiting.map((e) => ({ id: e.id, queuedAt: 7 })));
    v5.close();

    const db = openBewaarDb(name);
    await db.open();
    expect(await db.logPages.count()).toBe(3);
    expect(await allLoggedEvents(db)).toEqual(events);
    expect(await subjectHistory(db, 'BW0000000007')).toEqual(
      events.filter((e) => e.subject === 'BW0000000007'),
    );
    expect(await db.outbox.toArray()).toEqual(
      waiting.map((event) => ({ id: event.id, queuedAt: 7, event })),
    );
    await db.delete();
  });

  it("moves a v8 log's page subjects into their own table and fills the items' queue", async () => {
    const name = `upgrade-v8-${Math.random()}`;
    const v8 = new Dexie(name);
    v8.version(8).stores(SCHEMA_V8);
    const events = notedEvents(300, 120);
    await v8.table('items').bulkPut([
      { code: 'BW0000000001', status: 'received' },
      { code: 'BW0000000002', status: 'sold' },
      { code: 'BW0000000003', status: 'voided' },
    ]);
    for (const page of [events.slice(0, 200), events.slice(200)])
      await v8
        .table('logPages')
        .add({ events: page, subjects: [...new Set(page.map((e) => e.subject))] });
    v8.close();

    const db = openBewaarDb(name);
    await db.open();
    expect((await db.logSubjects.toArray()).map((row) => [row.n, row.subjects.length])).toEqual([
      [1, 120],
      [2, 100],
    ]);
    // A few subjects and many (a pulled page's worth) find every event, from both pages.
    expect(await subjectHistory(db, 'BW0000000007')).toEqual(
      events.filter((e) => e.subject === 'BW0000000007'),
    );
    const all = await eventsOfSubjects(db, [...new Set(events.map((e) => e.subject))]);
    expect([...all.values()].reduce((sum, list) => sum + list.length, 0)).toBe(300);
    expect(await allLoggedEvents(db)).toEqual(events);
    // The items' queue index holds the received and the undone item, not the sold one.
    expect(await db.items.orderBy('queue').primaryKeys()).toEqual(['BW0000000001', 'BW0000000003']);
    expect(db.items.schema.idxByName).not.toHaveProperty('status');
    await db.delete();
  });
});
