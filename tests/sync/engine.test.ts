// One sync round against the real server: a refused event stays on the device with the server's
// reason while the others go through; a retry sends it again; pulled events come back once.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { seedDemo } from '../../server/demo';
import { createStore, type Store } from '../../server/store/createStore';
import { generateCode } from '../../src/domain';
import {
  allLoggedEvents,
  openBewaarDb,
  recordEvents,
  restampWrongClock,
  retryRejected,
  type Author,
  type BewaarDexie,
} from '../../src/storage';
import { createApi } from '../../src/sync/api';
import { syncOnce, type PullProgress } from '../../src/sync/engine';
import { NO_FAULTS, simulatedFetch } from './network';

let store: Store;
let app: FastifyInstance;
let db: BewaarDexie;
let seed = 3;
const bytes = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 57 + 13) % 256));

beforeEach(async () => {
  store = createStore({ kind: 'sqlite', file: ':memory:' });
  await store.migrate();
  await seedDemo(store.db);
  app = await buildApp({ store, demo: true, rateLimit: { max: 1000 } });
  db = openBewaarDb(`engine-${Math.random()}`);
});
afterEach(async () => {
  await app.close();
  await store.close();
  await db.delete();
});

describe('syncOnce', () => {
  it('keeps a refused event with its reason, sends the rest, and retries on request', async () => {
    const fetch = simulatedFetch(
      () => app,
      () => NO_FAULTS,
    );
    const enrollment = await createApi({ fetch }).enroll('DEMO-NOORD', 'engine test');
    const api = createApi({ fetch, token: enrollment.token });
    const author: Author = {
      device: enrollment.device.id,
      actor: enrollment.people[0]?.id ?? '',
      site: enrollment.site.id,
      node: '00000000000000c1',
    };
    const good = generateCode('item', bytes);
    const data = {
      category: 14,
      condition: 'works' as const,
      complete: true,
      weightKg: 1.2,
      weighed: false,
      photos: [],
    };
    await recordEvents(author, [{ type: 'item.registered', subject: good, data }], {
      db,
      now: Date.now,
      newId: () => crypto.randomUUID(),
    });
    // Someone not on the park's roster: the server must refuse this one event only.
    const stranger = { ...author, actor: 'not-on-the-roster' };
    const refused = generateCode('item', bytes);
    const [bad] = await recordEvents(
      stranger,
      [{ type: 'item.registered', subject: refused, data }],
      {
        db,
        now: Date.now,
        newId: () => crypto.randomUUID(),
      },
    );

    const report = await syncOnce({ db, api, node: author.node, now: Date.now });
    expect(report.pushed).toBe(1);
    expect(report.rejected).toBe(1);
    const left = await db.outbox.toArray();
    expect(left.map((r) => r.id)).toEqual([bad?.id]);
    expect(left[0]?.rejected?.code).toBe('forbidden');
    expect(left[0]?.rejected?.message.length).toBeGreaterThan(10);
    // The refused event is still in the device's log and its item still shows.
    expect((await allLoggedEvents(db)).map((e) => e.id)).toContain(bad?.id);
    expect((await db.items.get(refused))?.registered).toBe(true);

    // A second round does not send it again on its own; a retry does (and it is refused again).
    expect((await syncOnce({ db, api, node: author.node, now: Date.now })).rejected).toBe(0);
    await retryRejected(db);
    expect((await syncOnce({ db, api, node: author.node, now: Date.now })).rejected).toBe(1);
    expect(await store.db.selectFrom('events').select('id').execute()).toHaveLength(1);
  });

  it('finds the one event that makes the server refuse a whole batch, and sends the rest', async () => {
    const fetch = simulatedFetch(
      () => app,
      () => NO_FAULTS,
    );
    const enrollment = await createApi({ fetch }).enroll('DEMO-NOORD', 'split test');
    const api = createApi({ fetch, token: enrollment.token });
    const author: Author = {
      device: enrollment.device.id,
      actor: enrollment.people[0]?.id ?? '',
      site: enrollment.site.id,
      node: '00000000000000c2',
    };
    const data = {
      category: 31,
      condition: 'works' as const,
      complete: true,
      weightKg: 1.4,
      weighed: false,
      photos: [],
    };
    const deps = { db, now: Date.now, newId: () => crypto.randomUUID() };
    const written = [];
    for (let i = 0; i < 5; i++) {
      written.push(
        ...(await recordEvents(
          author,
          [{ type: 'item.registered', subject: generateCode('item', bytes), data }],
          deps,
        )),
      );
    }
    // One stored event carries a string no server field accepts (as an old release might have
    // written): the server answers 400 for any batch that holds it.
    const poisoned = written[2];
    if (!poisoned) throw new Error('no event');
    await db.outbox.update(poisoned.id, { event: { ...poisoned, actor: 'x'.repeat(20_000) } });

    const report = await syncOnce({ db, api, node: author.node, now: Date.now, batchSize: 5 });
    expect(report.pushed).toBe(4);
    expect(report.rejected).toBe(1);
    const left = await db.outbox.toArray();
    expect(left.map((r) => r.id)).toEqual([poisoned.id]);
    expect(left[0]?.rejected?.code).toBe('string-too-long');
    expect(await store.db.selectFrom('events').select('id').execute()).toHaveLength(4);
  });

  it('keeps what a device wrote with its clock a year ahead until, with the right time, it goes', async () => {
    const fetch = simulatedFetch(
      () => app,
      () => NO_FAULTS,
    );
    const enrollment = await createApi({ fetch }).enroll('DEMO-NOORD', 'clock test');
    const api = createApi({ fetch, token: enrollment.token });
    const author: Author = {
      device: enrollment.device.id,
      actor: enrollment.people[0]?.id ?? '',
      site: enrollment.site.id,
      node: '00000000000000c3',
    };
    const data = {
      category: 14,
      condition: 'works' as const,
      complete: true,
      weightKg: 1.2,
      weighed: false,
      photos: [],
    };
    const item = generateCode('item', bytes);
    const yearAhead = () => Date.now() + 365 * 24 * 60 * 60 * 1000;
    const [written] = await recordEvents(
      author,
      [{ type: 'item.registered', subject: item, data }],
      {
        db,
        now: yearAhead,
        newId: () => crypto.randomUUID(),
      },
    );
    // The server's Date tells the device its clock is off before anything is refused.
    expect((await api.health(yearAhead)).clockOffsetMs).toBeLessThan(-364 * 24 * 60 * 60 * 1000);
    expect(Math.abs((await api.health()).clockOffsetMs ?? Infinity)).toBeLessThan(2_000);

    const refused = await syncOnce({ db, api, node: author.node, now: Date.now });
    expect(refused.rejected).toBe(1);
    expect((await db.outbox.toArray()).map((r) => [r.id, r.rejected?.code])).toEqual([
      [written?.id, 'clock'],
    ]);
    expect(await store.db.selectFrom('events').select('id').execute()).toHaveLength(0);
    expect((await db.items.get(item))?.registered).toBe(true);

    expect(await restampWrongClock(db, author.node, Date.now())).toBe(1);
    const sent = await syncOnce({ db, api, node: author.node, now: Date.now });
    expect(sent.pushed).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    const stored = await store.db.selectFrom('events').select(['id', 'hlc']).execute();
    expect(stored.map((row) => row.id)).toEqual([written?.id]);
    expect(stored[0]?.hlc).not.toBe(written?.hlc);
  });

  it("tells the device the server's reason when a label belongs to another region", async () => {
    const fetch = simulatedFetch(
      () => app,
      () => NO_FAULTS,
    );
    const park = await createApi({ fetch }).enroll('DEMO-NOORD', 'region test');
    const api = createApi({ fetch, token: park.token });
    const other = 'other-region';
    await store.db
      .insertInto('tenants')
      .values({ id: other, name: 'Elders', created_at: '2026-01-01' })
      .execute();
    const taken = generateCode('item', bytes);
    await store.db
      .insertInto('subject_owners')
      .values({ subject: taken, tenant_id: other })
      .execute();
    expect(await api.codeRegion(taken)).toBe('other');
    expect(await api.codeRegion(generateCode('item', bytes))).toBe('none');
    const author: Author = {
      device: park.device.id,
      actor: park.people[0]?.id ?? '',
      site: park.site.id,
      node: '00000000000000c4',
    };
    await recordEvents(
      author,
      [
        {
          type: 'item.registered',
          subject: taken,
          data: {
            category: 14,
            condition: 'works',
            complete: true,
            weightKg: 1,
            weighed: false,
            photos: [],
          },
        },
      ],
      { db, now: Date.now, newId: () => crypto.randomUUID() },
    );
    expect((await syncOnce({ db, api, node: author.node, now: Date.now })).rejected).toBe(1);
    expect((await db.outbox.toArray())[0]?.rejected).toMatchObject({
      code: 'conflict',
      reason: 'other-region',
    });
  });

  it('tells how far a pull of several pages has come, counted by the server, and nothing for one page', async () => {
    const fetch = simulatedFetch(
      () => app,
      () => NO_FAULTS,
    );
    const park = await createApi({ fetch }).enroll('DEMO-NOORD', 'progress park');
    const parkApi = createApi({ fetch, token: park.token });
    const author: Author = {
      device: park.device.id,
      actor: park.people[0]?.id ?? '',
      site: park.site.id,
      node: '00000000000000c5',
    };
    const data = {
      category: 14,
      condition: 'works' as const,
      complete: true,
      weightKg: 1.2,
      weighed: false,
      photos: [],
    };
    const writes = Array.from({ length: 25 }, () => ({
      type: 'item.registered' as const,
      subject: generateCode('item', bytes),
      data,
    }));
    await recordEvents(author, writes, { db, now: Date.now, newId: () => crypto.randomUUID() });
    await syncOnce({ db, api: parkApi, node: author.node, now: Date.now });

    // A fresh device of the region pulls the 25 in pages of 10.
    const fresh = openBewaarDb(`engine-fresh-${Math.random()}`);
    const shop = await createApi({ fetch }).enroll('DEMO-WINKEL', 'progress shop');
    const heard: (PullProgress | null)[] = [];
    const report = await syncOnce({
      db: fresh,
      api: createApi({ fetch, token: shop.token }),
      node: '00000000000000c6',
      now: Date.now,
      pullLimit: 10,
      onPull: (progress) => heard.push(progress),
    });
    expect(report.pulled).toBe(25);
    expect(heard).toEqual([
      { done: 0, total: 25 },
      { done: 10, total: 25 },
      { done: 20, total: 25 },
      { done: 25, total: 25 },
      null,
    ]);
    // Up to date, one page (empty) says nothing.
    heard.length = 0;
    await syncOnce({
      db: fresh,
      api: createApi({ fetch, token: shop.token }),
      node: '00000000000000c6',
      now: Date.now,
      pullLimit: 10,
      onPull: (progress) => heard.push(progress),
    });
    expect(heard).toEqual([]);
    await fresh.delete();
  });
});
