// Concurrency: 8 devices push in parallel over real HTTP while a ninth device pulls the whole
// time with its cursor. At the end the puller holds every pushed event exactly once: a pull
// never skipped a late commit. Both stores (PostgreSQL is where it matters).
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitingPushes } from '../../server/eventStore';
import type { BewaarEvent } from '../../src/domain/index';
import { STORE_KINDS } from './testStore';
import { TENANT_B, enroll, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { code, registration, senderOf } from './events';

const PUSHERS = 8;
const EVENTS_EACH = 300;
const BATCH = 25;

describe.each(STORE_KINDS)('concurrent push and pull on %s', (kind) => {
  let h: Harness;
  let base: string;

  beforeAll(async () => {
    h = await startHarness(kind);
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(() => h.close());
  // The lock tests are registered on PostgreSQL only (SQLite has a single writer): nothing shows
  // up as skipped.
  const postgresOnly = (name: string, fn: () => Promise<void>) => {
    if (kind === 'postgres') it(name, fn);
  };

  /** Polls until `ready` holds (observed, not guessed from a sleep). */
  const until = async (what: string, ready: () => Promise<boolean> | boolean) => {
    const deadline = Date.now() + 20_000;
    while (!(await ready())) {
      if (Date.now() > deadline) throw new Error(`never: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  /** Waits until `count` sessions of this database wait for a lock, as PostgreSQL sees them. */
  const lockWaiters = (count: number) =>
    until(`${count} sessions wait for a lock`, async () => {
      const { rows } = await sql<{ waiting: number }>`
        select count(*)::int as waiting from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(h.store.db);
      return (rows[0]?.waiting ?? 0) >= count;
    });
  /** A push writes its device's row last — unless the device's contact is current, when it
   * leaves the row alone (deviceContact.ts). Forgetting the contact makes the push touch the row,
   * so a lock held on the row holds the push open after it drew its seq numbers. */
  const forgetContact = (device: Enrolled) =>
    h.store.db
      .updateTable('devices')
      .set({ last_seen_at: null })
      .where('id', '=', device.device.id)
      .execute();
  /** A request with a flag that says whether it has answered yet. */
  const tracked = (request: Promise<Response>) => {
    const state = { answered: false, response: request };
    void request.finally(() => {
      state.answered = true;
    });
    return state;
  };

  it('8 pushers, 1 puller paging all the while: the puller ends with every event once', async () => {
    const devices: Enrolled[] = [];
    for (let i = 0; i < PUSHERS; i += 1)
      devices.push(await enroll(h.app, 'DEMO-NOORD', `pusher ${i}`));
    const reader = await enroll(h.app, 'DEMO-WINKEL', 'puller');
    const pushed: string[] = [];
    let pushing = true;

    const pusher = async (device: Enrolled, index: number) => {
      const sender = senderOf(device);
      for (let start = 0; start < EVENTS_EACH; start += BATCH) {
        const events = Array.from({ length: BATCH }, (_, k) =>
          registration(sender, code('BW', index * 100_000 + start + k)),
        );
        const res = await fetch(`${base}/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ events }),
        });
        const body = (await res.json()) as { accepted: string[] };
        expect(res.status).toBe(200);
        expect(body.accepted).toHaveLength(BATCH);
        pushed.push(...body.accepted);
      }
    };

    const seen: string[] = [];
    let cursor = '0';
    let pulls = 0;
    const pullOnce = async () => {
      const res = await fetch(`${base}/sync/pull?after=${cursor}&limit=40`, {
        headers: { authorization: `Bearer ${reader.token}` },
      });
      const body = (await res.json()) as { events: BewaarEvent[]; cursor: string; more: boolean };
      pulls += 1;
      seen.push(...body.events.map((e) => e.id));
      cursor = body.cursor;
      return body.more;
    };
    const puller = async () => {
      while (pushing) await pullOnce();
      while (await pullOnce());
    };

    const started = performance.now();
    const pulling = puller();
    await Promise.all(devices.map((device, i) => pusher(device, i)));
    pushing = false;
    await pulling;
    const ms = performance.now() - started;

    expect(pushed).toHaveLength(PUSHERS * EVENTS_EACH);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...pushed].sort());
    expect(pulls).toBeGreaterThan(10);
    console.info(
      `${kind}: ${pushed.length} events by ${PUSHERS} pushers, ${pulls} pulls, ${Math.round(ms)} ms`,
    );
  });

  // Deterministic version of the race: the first push is held open after it drew its seq
  // numbers (a row lock on its device, which the push updates last), while a second push and a
  // pull run. Without the per-tenant lock the second push commits higher seqs first and the pull
  // moves its cursor past the first push's events for good.
  postgresOnly('a pull never passes a push that commits late', async () => {
    const slow = await enroll(h.app, 'DEMO-NOORD', 'slow');
    const fast = await enroll(h.app, 'DEMO-NOORD', 'fast');
    const reader = await enroll(h.app, 'DEMO-WINKEL', 'reader');
    const post = (device: Enrolled, n: number) =>
      fetch(`${base}/sync/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ events: [registration(senderOf(device), code('BW', n))] }),
      });
    // Drains the log from `after` to its current end.
    const pull = async (after: string) => {
      const events: BewaarEvent[] = [];
      let cursor = after;
      for (;;) {
        const res = await fetch(`${base}/sync/pull?after=${cursor}&limit=1000`, {
          headers: { authorization: `Bearer ${reader.token}` },
        });
        const body = (await res.json()) as { events: BewaarEvent[]; cursor: string; more: boolean };
        events.push(...body.events);
        cursor = body.cursor;
        if (!body.more) return { events, cursor };
      }
    };
    const start = (await pull('0')).cursor;

    await forgetContact(slow);
    const hold = await h.store.db.startTransaction().execute();
    await hold
      .selectFrom('devices')
      .select('id')
      .where('id', '=', slow.device.id)
      .forUpdate()
      .execute();
    const slowPush = tracked(post(slow, 900_001));
    let during: Awaited<ReturnType<typeof pull>>;
    let fastPush: ReturnType<typeof tracked>;
    try {
      await lockWaiters(1); // the slow push, at its device's row
      fastPush = tracked(post(fast, 900_002));
      // …and the fast one queued behind it (pushes of a tenant are stored one group at a time).
      await until('the fast push waits', () => waitingPushes(h.store, fast.tenant.id) === 1);
      during = await pull(start);
      // The pull ran while both pushes were still open, and saw neither half-done.
      expect(slowPush.answered).toBe(false);
      expect(fastPush.answered).toBe(false);
      expect(during.events).toEqual([]);
    } finally {
      await hold.commit().execute();
    }
    const answers = await Promise.all([slowPush.response, fastPush.response]);
    expect(answers.map((res) => res.status)).toEqual([200, 200]);
    const after = await pull(during.cursor);
    const ids = [...during.events, ...after.events].map((e) => e.subject).sort();
    expect(ids).toEqual([code('BW', 900_001), code('BW', 900_002)].sort());
  });

  // The per-tenant lock does not order two tenants; the unique index on id does. A push of an id
  // that another tenant commits meanwhile must end as a conflict, not a 500.
  postgresOnly(
    'the same id from two tenants at once: one stores, the other gets conflict',
    async () => {
      const a = await enroll(h.app, 'DEMO-NOORD', 'tenant a');
      const b = await enroll(h.app, TENANT_B.parkCode, 'tenant b');
      const id = '00000000-0000-7000-8000-00000000abcd';
      const post = (device: Enrolled) =>
        fetch(`${base}/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            events: [{ ...registration(senderOf(device), code('BW', 910_000)), id }],
          }),
        });
      await forgetContact(b);
      const hold = await h.store.db.startTransaction().execute();
      await hold
        .selectFrom('devices')
        .select('id')
        .where('id', '=', b.device.id)
        .forUpdate()
        .execute();
      const fromB = tracked(post(b));
      let fromA: ReturnType<typeof tracked>;
      try {
        await lockWaiters(1); // B's push, at its device's row, with the id inserted
        fromA = tracked(post(a));
        await lockWaiters(2); // A's insert of the same id, waiting on B's
        expect(fromB.answered).toBe(false);
        expect(fromA.answered).toBe(false);
      } finally {
        await hold.commit().execute();
      }
      const [resB, resA] = await Promise.all([fromB.response, fromA.response]);
      expect(resB.status).toBe(200);
      expect(resA.status).toBe(200);
      expect(((await resB.json()) as { accepted: string[] }).accepted).toEqual([id]);
      const bodyA = (await resA.json()) as { rejected: { code: string }[] };
      expect(bodyA.rejected.map((r) => r.code)).toEqual(['conflict']);
    },
  );
});
