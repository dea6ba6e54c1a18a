// The item projection follows the log: a push only stores its events; the projector folds them
// a moment later on its own, and any read of the projection catches it up first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Figures } from '../../src/domain/index';
import { DEMO } from '../../server/demo';
import { catchUpDelay, catchUpItems } from '../../server/projector';
import { code, registration, senderOf } from './events';
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

  it('folds a backlog in bounded chunks, each moving the position by exactly that many', async () => {
    // Brought to the head first (a read catches up), then five events stored behind it.
    expect(await catchUpItems(h.store, DEMO.tenant.id)).toBeGreaterThanOrEqual(0);
    const items = [9301, 9302, 9303, 9304, 9305].map((n) => code('BW', n));
    await push(items);
    const start = await positions();
    // The pushes' own background catch-up may run at any moment: count from where it stands.
    const behind = start.head - start.projected;
    const folded: number[] = [];
    for (;;) {
      const n = await catchUpItems(h.store, DEMO.tenant.id, 2);
      if (n === 0) break;
      folded.push(n);
    }
    expect(folded.every((n) => n <= 2)).toBe(true);
    expect(folded.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(behind);
    // Unless the background beat it to most of them, the backlog took several chunks.
    if (behind >= 3) expect(folded.length).toBeGreaterThanOrEqual(2);
    expect(await positions()).toEqual({ head: start.head, projected: start.head });
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
