// The item projection follows the log: a push only stores its events; the projector folds them
// a moment later on its own, and any read of the projection catches it up first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/domain/index';
import { DEMO } from '../../server/demo';
import { pushEvents } from '../../server/eventStore';
import { catchUpDelay, catchUpItems, createProjector } from '../../server/projector';
import { code, parkPushScope, registration, senderOf } from './events';
import { bearer, enroll, signIn, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { STORE_KINDS } from './testStore';

describe.each(STORE_KINDS)('the item projection follows the log on %s', (kind) => {
  let h: Harness;
  let park: Enrolled;
  let coordinator: string;
  beforeAll(async () => {
    h = await startHarness(kind);
    park = await enroll(h.app, DEMO.noord.code);
    coordinator = await signIn(h.app, DEMO.coordinator.username, DEMO.coordinator.password);
  });
  afterAll(() => h.close());

  const positions = async () => {
    const head = await h.store.db
      .selectFrom('events')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('tenant_id', '=', DEMO.tenant.id)
      .executeTakeFirst();
    const projected = await h.store.db
      .selectFrom('projections')
      .select('seq')
      .where('tenant_id', '=', DEMO.tenant.id)
      .executeTakeFirst();
    return { head: Number(head?.seq ?? 0), projected: Number(projected?.seq ?? 0) };
  };
  const push = async (items: string[]) => {
    const sender = senderOf(park);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(park.token),
      payload: { events: items.map((item) => registration(sender, item)) },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ accepted: string[] }>().accepted).toHaveLength(items.length);
  };
  const statusOf = async (item: string) =>
    (
      await h.store.db
        .selectFrom('items')
        .select('status')
        .where('tenant_id', '=', DEMO.tenant.id)
        .where('code', '=', item)
        .executeTakeFirst()
    )?.status;

  it('folds a backlog in bounded chunks, each commit stamping its rows above the last', async () => {
    // First in this file, before any push through the app (whose background catch-up could
    // run at any moment), and stored straight through the event store, which schedules none.
    const sender = senderOf(park);
    const scope = parkPushScope(park, DEMO.tenant.id);
    await catchUpItems(h.store, DEMO.tenant.id);
    const items = [9281, 9282, 9283, 9284, 9285].map((n) => code('BW', n));
    const pushed = await pushEvents(
      h.store,
      scope,
      items.map((item) => registration(sender, item)),
    );
    expect(pushed.accepted).toHaveLength(5);
    const start = await positions();
    expect(start.head - start.projected).toBe(5);
    const steps: { folded: number; projected: number }[] = [];
    for (;;) {
      const folded = await catchUpItems(h.store, DEMO.tenant.id, 2);
      if (folded === 0) break;
      steps.push({ folded, projected: (await positions()).projected });
    }
    expect(steps).toEqual([
      { folded: 2, projected: start.projected + 2 },
      { folded: 2, projected: start.projected + 4 },
      { folded: 1, projected: start.projected + 5 },
    ]);
    // Each chunk's rows carry the position it folded to, so a reader that saw one chunk's rows
    // still finds the next chunk's above them.
    const stamps = await h.store.db
      .selectFrom('items')
      .select(['code', 'seq', 'status'])
      .where('tenant_id', '=', DEMO.tenant.id)
      .where('code', 'in', items)
      .execute();
    const byCode = new Map(stamps.map((row) => [row.code, row]));
    expect(items.map((item) => Number(byCode.get(item)?.seq))).toEqual([
      start.projected + 2,
      start.projected + 2,
      start.projected + 4,
      start.projected + 4,
      start.projected + 5,
    ]);
    for (const item of items) expect(byCode.get(item)?.status).toBe('registered');
  });

  it("waits while the tenant's devices keep pulling, and folds once they pause", async () => {
    // Its own projector, so the timing is the test's; the events are stored straight through the
    // event store, so the app's projector has nothing to do with them.
    const projector = createProjector(h.store, { quietMs: 500, maxLagMs: 60_000 });
    try {
      await catchUpItems(h.store, DEMO.tenant.id);
      const item = code('BW', 9291);
      const pushed = await pushEvents(h.store, parkPushScope(park, DEMO.tenant.id), [
        registration(senderOf(park), item),
      ]);
      expect(pushed.accepted).toHaveLength(1);
      const start = await positions();
      projector.afterPush(DEMO.tenant.id);
      // A device pulls every 50 ms for 1.5 s: three times the quiet time, and never a pause of it.
      const until = Date.now() + 1_500;
      while (Date.now() < until) {
        projector.afterPull(DEMO.tenant.id);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect((await positions()).projected).toBe(start.projected);
      const deadline = Date.now() + 10_000;
      while ((await positions()).projected !== start.head) {
        if (Date.now() > deadline)
          throw new Error('the projection did not follow once pulls paused');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await statusOf(item)).toBe('registered');
    } finally {
      await projector.close();
    }
  });

  it('folds within the maximum lag however busily the devices pull', async () => {
    const projector = createProjector(h.store, { quietMs: 500, maxLagMs: 800 });
    try {
      await catchUpItems(h.store, DEMO.tenant.id);
      const item = code('BW', 9292);
      await pushEvents(h.store, parkPushScope(park, DEMO.tenant.id), [
        registration(senderOf(park), item),
      ]);
      const start = await positions();
      projector.afterPush(DEMO.tenant.id);
      // Pulls every 50 ms for up to 5 s; the catch-up must not wait for them to stop.
      let caughtUp = false;
      const until = Date.now() + 5_000;
      while (!caughtUp && Date.now() < until) {
        projector.afterPull(DEMO.tenant.id);
        await new Promise((resolve) => setTimeout(resolve, 50));
        caughtUp = (await positions()).projected === start.head;
      }
      expect(caughtUp).toBe(true);
      expect(await statusOf(item)).toBe('registered');
    } finally {
      await projector.close();
    }
  });

  it('folds pushed events on its own shortly after the push, several pushes together', async () => {
    const items = [code('BW', 9101), code('BW', 9102), code('BW', 9103)];
    for (const item of items) await push([item]);
    // Nothing reads the projection here: only the background catch-up can bring it to the head.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { head, projected } = await positions();
      if (projected === head) break;
      if (Date.now() > deadline) throw new Error(`projection stayed at ${projected} of ${head}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const item of items) expect(await statusOf(item)).toBe('registered');
  });

  it('a read of the figures sees a push at once and leaves the projection at the head', async () => {
    // The test events are dated from 27 November 2026 on.
    const figures = async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: '/api/v1/figures?from=2026-11-01&to=2026-12-31',
        headers: bearer(coordinator),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Figures>();
    };
    const before = (await figures()).registered.count;
    await push([code('BW', 9201), code('BW', 9202)]);
    expect((await figures()).registered.count).toBe(before + 2);
    const { head, projected } = await positions();
    expect(projected).toBe(head);
  });
});

describe('when the background catch-up starts', () => {
  it('waits for pushes to pause, but no longer than the maximum lag after the first', () => {
    expect(catchUpDelay(1_000, 1_000, 150, 2_000)).toBe(150);
    // A push 1.9 s into a burst: only 100 ms of lag are left.
    expect(catchUpDelay(2_900, 1_000, 150, 2_000)).toBe(100);
    expect(catchUpDelay(5_000, 1_000, 150, 2_000)).toBe(0);
  });
});
