// Pushes of one tenant that arrive together, or while its transaction runs, are stored together,
// in one transaction, each answered for itself; when that transaction fails, each is stored
// again on its own, so one failure takes no other push with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { DEMO, seedDemo } from '../../server/demo';
import { pushEvents, waitingPushes } from '../../server/eventStore';
import type { Store } from '../../server/store/createStore';
import { code, parkPushScope, registration, senderOf } from './events';
import { bearer, enroll } from './harness';
import type { Enrolled } from './harness';
import { openTestStore, STORE_KINDS } from './testStore';

describe.each(STORE_KINDS)('pushes stored together on %s', (kind) => {
  let store: Store;
  let faulty: Store;
  let app: FastifyInstance;
  let park: Enrolled;
  // On the real store: the next push transaction waits for `gate`; the n-th fails. (The
  // projector's background catch-ups take the same lock; they are let through uncounted.)
  let gate: Promise<void> | null = null;
  let failAt = 0;
  let lockedCalls = 0;

  beforeAll(async () => {
    store = await openTestStore(kind);
    await seedDemo(store.db);
    faulty = {
      ...store,
      withTenantLock: async (tenant, fn) => {
        if (new Error().stack?.includes('catchUpItems')) return store.withTenantLock(tenant, fn);
        lockedCalls += 1;
        if (lockedCalls === failAt) throw new Error('disk trouble');
        const waitFor = gate;
        gate = null;
        if (waitFor) await waitFor;
        return store.withTenantLock(tenant, fn);
      },
    };
    app = await buildApp({ store: faulty, demo: true, rateLimit: { max: 10_000 } });
    park = await enroll(app, DEMO.noord.code);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const push = (events: ReturnType<typeof registration>[]) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(park.token),
      payload: { events },
    });
  const stored = async (ids: string[]) =>
    (await store.db.selectFrom('events').select('id').where('id', 'in', ids).execute()).length;

  /** Sends the first batch, holds its transaction, sends the others while it is held and lets
   * it go once they all wait behind it; returns the answers. */
  async function pushWhileHeld(batches: ReturnType<typeof registration>[][]) {
    let open: (value?: unknown) => void = () => undefined;
    gate = new Promise((resolve) => {
      open = resolve;
    }).then(() => undefined);
    const until = async (what: string, done: () => boolean) => {
      const deadline = Date.now() + 10_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(what);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const before = lockedCalls;
    const [head, ...rest] = batches;
    if (!head) throw new Error('no batch');
    const first = push(head);
    await until('the first push did not start', () => lockedCalls > before);
    const others = rest.map((events) => push(events));
    await until(
      'the pushes did not queue',
      () => waitingPushes(faulty, DEMO.tenant.id) >= rest.length,
    );
    open();
    return Promise.all([first, ...others]);
  }

  it('stores pushes that waited in one transaction, each answered, a repeated event once', async () => {
    const sender = senderOf(park);
    const batches = Array.from({ length: 12 }, (_, b) =>
      Array.from({ length: 4 }, (_, k) => registration(sender, code('BW', 20_000 + b * 10 + k))),
    );
    const shared = batches[0]?.[0];
    if (!shared) throw new Error('no event');
    batches[5]?.push(shared);
    const calls = lockedCalls;
    const answers = await pushWhileHeld(batches);
    for (const res of answers) expect(res.statusCode, res.body).toBe(200);
    const bodies = answers.map((res) => res.json<{ accepted: string[]; duplicate: string[] }>());
    expect(bodies.map((b) => b.accepted.length)).toEqual(batches.map(() => 4));
    expect(bodies.flatMap((b) => b.duplicate)).toEqual([shared.id]);
    expect(await stored(batches.flat().map((e) => e.id))).toBe(48);
    // The first alone, the eleven that waited together.
    expect(lockedCalls - calls).toBe(2);
  });

  it('stores each push of a group whose transaction failed on its own', async () => {
    const sender = senderOf(park);
    const batches = Array.from({ length: 6 }, (_, b) =>
      Array.from({ length: 3 }, (_, k) => registration(sender, code('BW', 30_000 + b * 10 + k))),
    );
    // The first push runs alone (held at the gate); the five behind it form the group that fails.
    failAt = lockedCalls + 2;
    const answers = await pushWhileHeld(batches);
    expect(lockedCalls).toBe(failAt + 5);
    for (const res of answers) expect(res.statusCode, res.body).toBe(200);
    expect(await stored(batches.flat().map((e) => e.id))).toBe(18);
  });

  it('stores pushes that reach the store in the same turn in one transaction', async () => {
    const sender = senderOf(park);
    const scope = parkPushScope(park, DEMO.tenant.id);
    const batches = Array.from({ length: 5 }, (_, b) =>
      Array.from({ length: 2 }, (_, k) => registration(sender, code('BW', 40_000 + b * 10 + k))),
    );
    const calls = lockedCalls;
    const results = await Promise.all(batches.map((events) => pushEvents(faulty, scope, events)));
    expect(results.map((r) => [r.accepted.length, r.rejected.length])).toEqual(
      batches.map(() => [2, 0]),
    );
    expect(lockedCalls - calls).toBe(1);
  });

  it('puts no more than 2,000 events in one transaction after its first push', async () => {
    const sender = senderOf(park);
    const scope = parkPushScope(park, DEMO.tenant.id);
    // Six full pushes at once: four fill a transaction (2,000 events), two the next.
    const batches = Array.from({ length: 6 }, (_, b) =>
      Array.from({ length: 500 }, (_, k) =>
        registration(sender, code('BW', 100_000 + b * 1000 + k)),
      ),
    );
    const calls = lockedCalls;
    const results = await Promise.all(batches.map((events) => pushEvents(faulty, scope, events)));
    expect(results.map((r) => r.accepted.length)).toEqual(batches.map(() => 500));
    expect(lockedCalls - calls).toBe(2);
  });
});
