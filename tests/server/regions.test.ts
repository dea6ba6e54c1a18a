// Codes belong to one region: the one that printed them on a label sheet, or else the one that
// first wrote about them. Another region's devices cannot write about them, and the public card
// shows the owner's item only. Both stores.
import { Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BewaarEvent } from '../../src/domain/index';
import { DEMO } from '../../server/demo';
import { migrationProvider } from '../../server/store/migrations';
import { code, event, registration, senderOf } from './events';
import type { Sender } from './events';
import { TENANT_B, bearer, countEvents, enroll, signIn, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { openTestStore, STORE_KINDS } from './testStore';

type PushAnswer = {
  accepted: string[];
  duplicate: string[];
  rejected: { id: string; code: string; reason?: string; message: string }[];
};

const FOR_SALE = code('BW', 9101);

function bench(s: Sender, subject: string): BewaarEvent[] {
  return [
    event(s, 'item.received', subject, {}),
    event(s, 'item.safety-tested', subject, { result: 'pass', method: 'PAT class I' }),
    event(s, 'item.repaired', subject, {
      fault: 'Schakelaar defect',
      action: 'Schakelaar vervangen',
      parts: [],
      minutes: 20,
      worker: 'W-0001',
    }),
    event(s, 'item.priced', subject, { priceEur: 15, warrantyMonths: 3 }),
  ];
}

describe.each(STORE_KINDS)('codes and regions on %s', (kind) => {
  let h: Harness;
  let parkA: Enrolled;
  let shopA: Enrolled;
  let parkB: Enrolled;
  let shopB: Enrolled;

  const push = async (token: string, events: BewaarEvent[]) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(token),
      payload: { events },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PushAnswer>();
  };
  const card = async (subject: string) =>
    (await h.app.inject({ method: 'GET', url: `/api/v1/public/items/${subject}` })).json<{
      shop?: string;
      priceEur?: number;
    }>();
  const region = async (token: string, subject: string) =>
    (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/codes/${subject}`,
        headers: bearer(token),
      })
    ).json<{ region: string }>().region;

  beforeAll(async () => {
    h = await startHarness(kind);
    parkA = await enroll(h.app, DEMO.noord.code);
    shopA = await enroll(h.app, DEMO.winkel.code);
    parkB = await enroll(h.app, TENANT_B.parkCode);
    shopB = await enroll(h.app, TENANT_B.shopCode);
    const registered = await push(parkA.token, [registration(senderOf(parkA), FOR_SALE)]);
    expect(registered.accepted).toHaveLength(1);
    expect((await push(shopA.token, bench(senderOf(shopA), FOR_SALE))).accepted).toHaveLength(4);
  });
  afterAll(() => h.close());

  it("refuses another region's events about a region's item, and its card stays the owner's", async () => {
    const before = await card(FOR_SALE);
    expect(before.shop).toBe('Kringwinkel Centrum');
    const s = senderOf(shopB);
    const takeover = [
      event(s, 'item.registered', FOR_SALE, {
        category: 25,
        condition: 'works',
        complete: true,
        weightKg: 3,
        weighed: false,
        photos: [],
      }),
      ...bench(s, FOR_SALE).slice(1),
    ];
    const stored = await countEvents(h.store);
    const answer = await push(shopB.token, takeover);
    expect(answer.accepted).toEqual([]);
    expect(answer.rejected.map((r) => [r.code, r.reason])).toEqual(
      takeover.map(() => ['conflict', 'other-region']),
    );
    expect(await countEvents(h.store)).toBe(stored);
    expect(await card(FOR_SALE)).toEqual(before);
    // Sent again, the same: refused, never stored as a duplicate.
    expect((await push(shopB.token, takeover)).rejected).toHaveLength(takeover.length);
  });

  it('gives a new code to the region that first writes about it, and refuses the other', async () => {
    const fresh = code('BW', 9102);
    expect(await region(parkB.token, fresh)).toBe('none');
    expect((await push(parkB.token, [registration(senderOf(parkB), fresh)])).accepted).toHaveLength(
      1,
    );
    expect(await region(parkB.token, fresh)).toBe('this');
    expect(await region(parkA.token, fresh)).toBe('other');
    const answer = await push(parkA.token, [registration(senderOf(parkA), fresh)]);
    expect(answer.rejected.map((r) => r.reason)).toEqual(['other-region']);
  });

  it('keeps a code printed on a label sheet for the region that printed it', async () => {
    const coordinator = await signIn(h.app, DEMO.coordinator.username, DEMO.coordinator.password);
    const sheet = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/labels',
      headers: bearer(coordinator),
      payload: { kind: 'cage', count: 2 },
    });
    expect(sheet.statusCode, sheet.body).toBe(201);
    const [cage] = sheet.json<{ codes: string[] }>().codes;
    if (cage === undefined) throw new Error('no code reserved');
    expect(await region(parkA.token, cage)).toBe('this');
    expect(await region(parkB.token, cage)).toBe('other');
    const b = senderOf(parkB);
    const refused = await push(parkB.token, [event(b, 'cage.opened', cage, {})]);
    expect(refused.rejected.map((r) => r.reason)).toEqual(['other-region']);
    const a = senderOf(parkA);
    expect((await push(parkA.token, [event(a, 'cage.opened', cage, {})])).accepted).toHaveLength(1);
  });

  it('answers a code that is not a code with a 400, and needs a token', async () => {
    const bad = await h.app.inject({
      method: 'GET',
      url: '/api/v1/codes/BW-NOPE',
      headers: bearer(parkA.token),
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/v1/codes/${FOR_SALE}` })).statusCode,
    ).toBe(401);
  });
});

describe.each(STORE_KINDS)('giving the codes already stored an owner, on %s', (kind) => {
  it('hands each code to its label sheet, else to the region whose event arrived first', async () => {
    const store = await openTestStore(kind, { migrate: false });
    try {
      const migrator = new Migrator({ db: store.db, provider: migrationProvider(kind) });
      expect((await migrator.migrateTo('0006-one-subject-index')).error).toBeUndefined();
      const db = store.db;
      const at = '2026-11-01T09:00:00.000Z';
      for (const tenant of ['a', 'b']) {
        await db
          .insertInto('tenants')
          .values({ id: tenant, name: tenant, created_at: at })
          .execute();
      }
      await db
        .insertInto('people')
        .values({ id: 'x', tenant_id: 'b', name: 'X', role: 'coordinator', created_at: at })
        .execute();
      await db
        .insertInto('label_batches')
        .values({
          id: 'sheet',
          tenant_id: 'b',
          kind: 'item',
          count: 1,
          created_at: at,
          created_by: 'x',
        })
        .execute();
      const printed = code('BW', 9201);
      const shared = code('BW', 9202);
      const onlyA = code('BW', 9203);
      await db
        .insertInto('label_codes')
        .values({
          code: printed,
          tenant_id: 'b',
          kind: 'item',
          batch_id: 'sheet',
          position: 0,
          created_at: at,
        })
        .execute();
      // Stored before codes had owners: region a wrote about b's printed code, and both wrote about
      // `shared`, b first.
      const row = (id: string, tenant: string, subject: string, receivedAt: string) => ({
        id,
        tenant_id: tenant,
        type: 'item.registered',
        subject,
        hlc: `${receivedAt}-0000-0123456789abcdef`,
        device: 'd',
        actor: 'p',
        site: 's',
        body: '{}',
        received_at: receivedAt,
      });
      await db
        .insertInto('events')
        .values([
          row('e1', 'a', printed, '2026-11-01T10:00:00.000Z'),
          row('e2', 'a', shared, '2026-11-02T10:00:00.000Z'),
          row('e3', 'b', shared, '2026-11-01T11:00:00.000Z'),
          row('e4', 'a', onlyA, '2026-11-03T10:00:00.000Z'),
        ])
        .execute();
      await store.migrate();
      const owners = await db
        .selectFrom('subject_owners')
        .select(['subject', 'tenant_id'])
        .orderBy('subject')
        .execute();
      expect(owners).toEqual(
        [
          { subject: printed, tenant_id: 'b' },
          { subject: shared, tenant_id: 'b' },
          { subject: onlyA, tenant_id: 'a' },
        ].sort((x, y) => (x.subject < y.subject ? -1 : 1)),
      );
    } finally {
      await store.close();
    }
  });
});
