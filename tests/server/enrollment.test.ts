// Enrollment, sign-in, sites and tokens, and the upgrade that keeps who made a code, on SQLite
// and PostgreSQL.
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import type { Store } from '../../server/store/createStore';
import { createEnrollmentCode } from '../../server/directory';
import { DEMO, seedDemo } from '../../server/demo';
import { migrationProvider } from '../../server/store/migrations';
import { STORE_KINDS, openTestStore } from './testStore';
import { TENANT_B, bearer, enroll, errorCode, signIn, startHarness } from './harness';
import type { Harness } from './harness';

describe.each(STORE_KINDS)('enrollment and sign-in on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  const post = (url: string, payload: unknown) =>
    h.app.inject({ method: 'POST', url, payload: payload as object });

  it('enrolls a park tablet with a demo code, in any case, again and again', async () => {
    const first = await enroll(h.app, 'demo-noord', 'Tablet 1');
    const second = await enroll(h.app, ' DEMO-NOORD ', 'Tablet 2');
    expect(first.site).toEqual({ id: DEMO.noord.id, name: 'Recyclagepark Noord', kind: 'park' });
    expect(first.tenant).toEqual({ id: 'demo', name: 'Regio Brugge (demo)' });
    expect(first.device.name).toBe('Tablet 1');
    expect(first.people.map((p) => p.name)).toEqual(['An Peeters', 'Bart Claes']);
    expect(first.people.every((p) => p.role === 'attendant')).toBe(true);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.device.id).not.toBe(first.device.id);
  });

  it('gives the shop its technicians and Zuid its attendants', async () => {
    const shop = await enroll(h.app, 'DEMO-WINKEL');
    expect(shop.site.kind).toBe('shop');
    expect(shop.people.map((p) => [p.name, p.role])).toEqual([
      ['T-01', 'technician'],
      ['T-02', 'technician'],
      ['T-03', 'technician'],
    ]);
    const zuid = await enroll(h.app, 'DEMO-ZUID');
    expect(zuid.people.map((p) => p.name)).toEqual(['Chloé Dubois', 'Dirk Janssens']);
  });

  it('takes a one-time code once', async () => {
    await createEnrollmentCode(h.store.db, {
      tenantId: 'demo',
      siteId: DEMO.zuid.id,
      code: 'once-1',
    });
    expect((await post('/api/v1/devices/enroll', { code: 'ONCE-1', name: 'a' })).statusCode).toBe(
      200,
    );
    const again = await post('/api/v1/devices/enroll', { code: 'once-1', name: 'b' });
    expect(again.statusCode).toBe(400);
    expect(errorCode(again)).toBe('enrollment-code-invalid');
  });

  it('refuses expired and unknown codes', async () => {
    await createEnrollmentCode(h.store.db, {
      tenantId: 'demo',
      siteId: DEMO.zuid.id,
      code: 'OLD-1',
      expiresAt: new Date(Date.now() - 1000),
    });
    for (const code of ['OLD-1', 'NO-SUCH-CODE']) {
      const res = await post('/api/v1/devices/enroll', { code, name: 'x' });
      expect(res.statusCode).toBe(400);
      expect(errorCode(res)).toBe('enrollment-code-invalid');
      expect(res.json<{ error: { message: string } }>().error.message).toMatch(/not valid/);
    }
  });

  it('seeds the demo idempotently', async () => {
    await seedDemo(h.store.db);
    const sites = await h.store.db
      .selectFrom('sites')
      .select('id')
      .where('tenant_id', '=', 'demo')
      .execute();
    expect(sites).toHaveLength(4);
  });

  it('signs the coordinator in and refuses a wrong password', async () => {
    const ok = await post('/api/v1/session', { username: 'coordinator', password: 'bewaar-demo' });
    expect(ok.statusCode).toBe(200);
    const body = ok.json<{ person: unknown; tenant: unknown }>();
    expect(body.person).toEqual({
      id: 'demo-coordinator',
      name: 'Coördinator (demo)',
      role: 'coordinator',
    });
    expect(body.tenant).toEqual({ id: 'demo', name: 'Regio Brugge (demo)' });
    for (const [username, password] of [
      ['coordinator', 'wrong'],
      ['nobody', 'bewaar-demo'],
    ]) {
      const res = await post('/api/v1/session', { username, password });
      expect(res.statusCode).toBe(401);
      expect(errorCode(res)).toBe('invalid-credentials');
    }
  });

  it("lists the caller's tenant's sites with rosters, and nothing of another tenant", async () => {
    const device = await enroll(h.app, 'DEMO-NOORD');
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sites',
      headers: bearer(device.token),
    });
    expect(res.statusCode).toBe(200);
    const { sites } = res.json<{ sites: { id: string; people: { name: string }[] }[] }>();
    expect(sites.map((s) => s.id).sort()).toEqual(
      [DEMO.winkel.id, DEMO.noord.id, DEMO.zuid.id, DEMO.cafe.id].sort(),
    );
    expect(sites.find((s) => s.id === DEMO.noord.id)?.people.map((p) => p.name)).toEqual([
      'An Peeters',
      'Bart Claes',
    ]);
    const person = await signIn(h.app, 'coordinator', 'bewaar-demo');
    const asPerson = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sites',
      headers: bearer(person),
    });
    expect(asPerson.json<{ sites: unknown[] }>().sites).toHaveLength(4);
    const b = await enroll(h.app, TENANT_B.parkCode);
    const asB = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sites',
      headers: bearer(b.token),
    });
    expect(
      asB
        .json<{ sites: { id: string }[] }>()
        .sites.map((s) => s.id)
        .sort(),
    ).toEqual([TENANT_B.park, TENANT_B.shop]);
    // Names for the ids of histories: everyone of the region (the coordinator, not on a roster,
    // too) and its devices; nothing of another region.
    const { names } = res.json<{
      names: { people: Record<string, string>; devices: Record<string, string> };
    }>();
    expect(names.people['demo-an-peeters']).toBe('An Peeters');
    expect(names.people['demo-coordinator']).toBe('Coördinator (demo)');
    expect(names.devices[device.device.id]).toBe(device.device.name);
    expect(names.devices[b.device.id]).toBeUndefined();
    const namesB = asB.json<{ names: { people: Record<string, string> } }>().names;
    expect(namesB.people['demo-an-peeters']).toBeUndefined();
  });

  it('refuses missing, unknown and revoked tokens', async () => {
    const none = await h.app.inject({ method: 'GET', url: '/api/v1/sites' });
    expect(none.statusCode).toBe(401);
    expect(errorCode(none)).toBe('unauthorized');
    const unknown = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sites',
      headers: bearer('x'.repeat(43)),
    });
    expect(errorCode(unknown)).toBe('unauthorized');
    const device = await enroll(h.app, 'DEMO-ZUID');
    await h.store.db
      .updateTable('devices')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', device.device.id)
      .execute();
    const revoked = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sites',
      headers: bearer(device.token),
    });
    expect(revoked.statusCode).toBe(401);
    expect(errorCode(revoked)).toBe('token-revoked');
    const other = await enroll(h.app, 'DEMO-ZUID');
    await h.store.db
      .updateTable('tokens')
      .set({ revoked_at: new Date().toISOString() })
      .where('device_id', '=', other.device.id)
      .execute();
    const tokenRevoked = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sites',
      headers: bearer(other.token),
    });
    expect(errorCode(tokenRevoked)).toBe('token-revoked');
  });
});

describe.each(STORE_KINDS)('rate limits on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind, { rateLimit: { max: 3 } });
  });
  afterAll(() => h.close());

  it('answers 429 in the error shape after too many attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'x', password: 'y' },
      });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(errorCode(res)).toBe('rate-limited');
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe.each(STORE_KINDS)('a demo-seeded store running for real on %s', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openTestStore(kind);
    await seedDemo(store.db);
    app = await buildApp({ store, demo: false, rateLimit: { max: 1000 } });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('no longer takes the demo codes or the demo password', async () => {
    const code = await app.inject({
      method: 'POST',
      url: '/api/v1/devices/enroll',
      payload: { code: 'DEMO-NOORD', name: 'x' },
    });
    expect(code.statusCode).toBe(400);
    expect(errorCode(code)).toBe('enrollment-code-invalid');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'coordinator', password: 'bewaar-demo' },
    });
    expect(login.statusCode).toBe(401);
  });
});

describe.each(STORE_KINDS)('the upgrade that keeps who made an enrollment code, on %s', (kind) => {
  it('leaves older codes without a maker, enrolling as before, and names the maker of new ones', async () => {
    const store = await openTestStore(kind, { migrate: false });
    try {
      const migrator = new Migrator({ db: store.db, provider: migrationProvider(kind) });
      expect((await migrator.migrateTo('0009-cafes')).error).toBeUndefined();
      const at = '2026-01-01T00:00:00.000Z';
      await sql`insert into tenants (id, name, created_at) values ('t', 'Regio', ${at})`.execute(
        store.db,
      );
      await sql`insert into sites (id, tenant_id, name, kind, created_at)
        values ('p', 't', 'Park', 'park', ${at})`.execute(store.db);
      await sql`insert into people (id, tenant_id, name, role, created_at)
        values ('an', 't', 'An', 'coordinator', ${at})`.execute(store.db);
      await sql`insert into enrollment_codes (code, tenant_id, site_id, expires_at, used_at, reusable)
        values ('OLD-CODE', 't', 'p', null, null, 0)`.execute(store.db);

      await store.migrate();
      expect(await store.db.selectFrom('enrollment_codes').selectAll().execute()).toEqual([
        {
          code: 'OLD-CODE',
          tenant_id: 't',
          site_id: 'p',
          expires_at: null,
          used_at: null,
          reusable: 0,
          created_by: null,
        },
      ]);
      // A maker must be a person of the store.
      await expect(
        sql`insert into enrollment_codes (code, tenant_id, site_id, reusable, created_by)
          values ('BAD-CODE', 't', 'p', 0, 'nobody')`.execute(store.db),
      ).rejects.toThrow();
      await createEnrollmentCode(store.db, {
        tenantId: 't',
        siteId: 'p',
        code: 'NEW-CODE',
        createdBy: 'an',
      });

      const app = await buildApp({ store, demo: false, rateLimit: { max: 1000 } });
      try {
        const old = await enroll(app, 'OLD-CODE', 'Oude tablet');
        const made = await enroll(app, 'NEW-CODE', 'Bench');
        const details = async (device: string) =>
          JSON.parse(
            (
              await store.db
                .selectFrom('audit_log')
                .select('details')
                .where('action', '=', 'device.enrolled')
                .where('target', '=', device)
                .executeTakeFirstOrThrow()
            ).details,
          ) as Record<string, unknown>;
        expect(await details(old.device.id)).toEqual({ name: 'Oude tablet', site: 'p' });
        expect(await details(made.device.id)).toEqual({
          name: 'Bench',
          site: 'p',
          codeBy: 'an',
          codeByRole: 'coordinator',
        });
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
    }
  });
});
