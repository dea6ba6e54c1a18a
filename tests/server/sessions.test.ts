// Signing in for real: a lockout per account that grows and ends, sessions that end after 12 idle
// hours or 30 days (a clock the test moves), sign-out, changing and resetting passwords, several
// regions per person, and admins who see and change only their own regions. Both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../server/demo';
import { createPerson } from '../../server/directory';
import { TENANT_B, bearer, enroll, errorCode, startHarness } from './harness';
import type { Harness } from './harness';
import { STORE_KINDS } from './testStore';

const HOUR = 3_600_000;
type Session = {
  token: string;
  tenant: { id: string; name: string };
  regions: { id: string; name: string }[];
  expiresAt: string;
};

describe.each(STORE_KINDS)('sessions on %s', (kind) => {
  let h: Harness;
  let clock = Date.UTC(2026, 11, 2, 9, 0);

  const call = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    token?: string,
    payload?: object,
  ) =>
    h.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: token === undefined ? {} : bearer(token),
      ...(payload === undefined ? {} : { payload }),
    });
  const signIn = (username: string, password: string) =>
    call('POST', '/session', undefined, { username, password });
  const session = async (username: string, password: string) => {
    const res = await signIn(username, password);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Session>();
  };
  const works = async (token: string) => (await call('GET', '/session', token)).statusCode;

  beforeAll(async () => {
    h = await startHarness(kind, { now: () => clock });
    const db = h.store.db;
    // An admin of the demo region, one of region B, and a hub coordinator who works in both.
    await createPerson(db, {
      tenantId: DEMO.tenant.id,
      id: 'admin-a',
      name: 'Admin A',
      role: 'admin',
      username: 'admin-a',
      password: 'admin-a password',
    });
    await createPerson(db, {
      tenantId: TENANT_B.tenant,
      id: 'admin-b',
      name: 'Admin B',
      role: 'admin',
      username: 'admin-b',
      password: 'admin-b password',
    });
    await createPerson(db, {
      tenantId: DEMO.tenant.id,
      id: 'hub',
      name: 'Hub',
      role: 'coordinator',
      username: 'hub',
      password: 'hub password 1',
    });
    await db
      .insertInto('person_regions')
      .values({ person_id: 'hub', tenant_id: TENANT_B.tenant })
      .execute();
  });
  afterAll(() => h.close());

  it('locks an account after five wrong passwords, for longer each time, and not for ever', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await signIn('coordinator-b', `wrong ${i}`)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Locked: even the right password waits, and says until when.
    const locked = await signIn(TENANT_B.coordinator.username, TENANT_B.coordinator.password);
    expect(locked.statusCode).toBe(429);
    expect(errorCode(locked)).toBe('account-locked');
    // Other accounts are not affected.
    expect((await signIn('admin-b', 'admin-b password')).statusCode).toBe(200);
    clock += 61_000;
    // One more failure after the first lock: locked again, now for two minutes.
    expect((await signIn('CoOrdinator-B ', 'wrong again')).statusCode).toBe(401);
    clock += 61_000;
    expect(
      (await signIn(TENANT_B.coordinator.username, TENANT_B.coordinator.password)).statusCode,
    ).toBe(429);
    clock += 61_000;
    const back = await signIn(TENANT_B.coordinator.username, TENANT_B.coordinator.password);
    expect(back.statusCode).toBe(200);
    // A good sign-in forgets the failures: the next wrong one is a plain 401 again.
    expect((await signIn(TENANT_B.coordinator.username, 'wrong')).statusCode).toBe(401);
    expect(
      (await signIn(TENANT_B.coordinator.username, TENANT_B.coordinator.password)).statusCode,
    ).toBe(200);
  });

  it('ends a session after 12 idle hours, and after 30 days however busy', async () => {
    const idle = await session('hub', 'hub password 1');
    expect(Date.parse(idle.expiresAt)).toBe(clock + 12 * HOUR);
    clock += 11 * HOUR;
    expect(await works(idle.token)).toBe(200);
    clock += 11 * HOUR; // 11 h since the last use: still on
    expect(await works(idle.token)).toBe(200);
    clock += 12 * HOUR + 1;
    const expired = await call('GET', '/session', idle.token);
    expect(expired.statusCode).toBe(401);
    expect(errorCode(expired)).toBe('session-expired');
    // The same for a device's sync calls: a person's token is what ended, not the data.
    expect(errorCode(await call('GET', '/sync/pull', idle.token))).toBe('session-expired');

    const busy = await session('hub', 'hub password 1');
    const opened = clock;
    // Used every 11 hours: never idle for 12, yet over after 30 days.
    while (clock + 11 * HOUR < opened + 30 * 24 * HOUR) {
      clock += 11 * HOUR;
      expect(await works(busy.token)).toBe(200);
    }
    clock = opened + 30 * 24 * HOUR;
    expect(errorCode(await call('GET', '/session', busy.token))).toBe('session-expired');
  });

  it('signs out at once, and a device cannot sign out a person', async () => {
    const s = await session('hub', 'hub password 1');
    const out = await call('DELETE', '/session', s.token);
    expect(out.statusCode).toBe(204);
    expect((await call('GET', '/session', s.token)).statusCode).toBe(401);
    expect((await call('GET', '/sync/pull', s.token)).statusCode).toBe(401);
    const tablet = await enroll(h.app, DEMO.noord.code);
    expect((await call('DELETE', '/session', tablet.token)).statusCode).toBe(403);
    expect((await call('GET', '/sync/pull', tablet.token)).statusCode).toBe(200);
  });

  it('changes a password: the old one stops, other sessions end, this one stays', async () => {
    const here = await session('admin-a', 'admin-a password');
    const elsewhere = await session('admin-a', 'admin-a password');
    const short = await call('POST', '/session/password', here.token, {
      current: 'admin-a password',
      next: 'short',
    });
    expect(errorCode(short)).toBe('password-too-short');
    const wrong = await call('POST', '/session/password', here.token, {
      current: 'nope',
      next: 'a brand new password',
    });
    expect(errorCode(wrong)).toBe('wrong-password');
    const ok = await call('POST', '/session/password', here.token, {
      current: 'admin-a password',
      next: 'a brand new password',
    });
    expect(ok.statusCode).toBe(204);
    expect(await works(here.token)).toBe(200);
    expect(await works(elsewhere.token)).toBe(401);
    expect((await signIn('admin-a', 'admin-a password')).statusCode).toBe(401);
    expect((await signIn('admin-a', 'a brand new password')).statusCode).toBe(200);
  });

  it('lets an admin reset a coordinator’s password in their region only', async () => {
    const adminA = await session('admin-a', 'a brand new password');
    const coordinator = await session(DEMO.coordinator.username, DEMO.coordinator.password);
    const reset = await call('POST', `/admin/people/demo-coordinator/password`, adminA.token, {
      password: 'reset by the admin',
    });
    expect(reset.statusCode, reset.body).toBe(204);
    expect(await works(coordinator.token)).toBe(401);
    expect((await signIn(DEMO.coordinator.username, 'reset by the admin')).statusCode).toBe(200);
    // Not in another region, and not by a coordinator.
    const other = await call(
      'POST',
      `/admin/people/${TENANT_B.coordinator.id}/password`,
      adminA.token,
      {
        password: 'taken over!!',
      },
    );
    expect(other.statusCode).toBe(404);
    const byCoordinator = await call(
      'POST',
      `/admin/people/demo-coordinator/password`,
      (await session(DEMO.coordinator.username, 'reset by the admin')).token,
      { password: 'myself again!' },
    );
    expect(byCoordinator.statusCode).toBe(403);
  });

  it('lets a person of two regions switch between them, and nobody else', async () => {
    const hub = await session('hub', 'hub password 1');
    expect(hub.regions.map((r) => r.id).sort()).toEqual([DEMO.tenant.id, TENANT_B.tenant].sort());
    expect(hub.tenant.id).toBe(DEMO.tenant.id);
    const switched = await call('POST', '/session/region', hub.token, { tenant: TENANT_B.tenant });
    expect(switched.statusCode, switched.body).toBe(200);
    const inB = switched.json<Session>();
    expect(inB.tenant.id).toBe(TENANT_B.tenant);
    expect(await works(hub.token)).toBe(401);
    const sites = (await call('GET', '/admin/sites', inB.token)).json<{
      sites: { id: string }[];
    }>();
    expect(sites.sites.map((s) => s.id).sort()).toEqual([TENANT_B.park, TENANT_B.shop].sort());
    const coordinatorA = await session(DEMO.coordinator.username, 'reset by the admin');
    const refused = await call('POST', '/session/region', coordinatorA.token, {
      tenant: TENANT_B.tenant,
    });
    expect(refused.statusCode).toBe(404);
  });

  it('shows and changes an admin’s own regions only', async () => {
    const adminA = await session('admin-a', 'a brand new password');
    const adminB = await session('admin-b', 'admin-b password');
    const list = (token: string) =>
      call('GET', '/admin/regions', token).then((r) =>
        r.json<{ regions: { id: string; sites: { kind: string }[] }[] }>(),
      );
    expect((await list(adminA.token)).regions.map((r) => r.id)).toEqual([DEMO.tenant.id]);
    expect((await list(adminB.token)).regions.map((r) => r.id)).toEqual([TENANT_B.tenant]);
    expect((await list(adminA.token)).regions[0]?.sites.map((s) => s.kind).sort()).toEqual([
      'cafe',
      'park',
      'park',
      'shop',
    ]);
    expect(
      (
        await call('PATCH', `/admin/regions/${TENANT_B.tenant}`, adminA.token, {
          name: 'Overgenomen',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call('POST', `/admin/regions/${TENANT_B.tenant}/people`, adminA.token, {
          username: 'admin-a',
        })
      ).statusCode,
    ).toBe(404);
    // A coordinator does not manage regions at all.
    const coordinator = await session(DEMO.coordinator.username, 'reset by the admin');
    expect((await call('GET', '/admin/regions', coordinator.token)).statusCode).toBe(403);

    const made = await call('POST', '/admin/regions', adminA.token, { name: 'Regio Kust' });
    expect(made.statusCode, made.body).toBe(201);
    const kust = made.json<{ region: { id: string; name: string } }>().region;
    expect(
      (await call('POST', '/admin/regions', adminB.token, { name: 'regio kust' })).statusCode,
    ).toBe(409);
    const renamed = await call('PATCH', `/admin/regions/${kust.id}`, adminA.token, {
      name: 'Regio Westkust',
    });
    expect(renamed.json<{ region: { name: string } }>().region.name).toBe('Regio Westkust');
    expect((await list(adminB.token)).regions.map((r) => r.id)).toEqual([TENANT_B.tenant]);
    // Granting and taking back access: the hub's session in that region ends with it.
    const granted = await call('POST', `/admin/regions/${kust.id}/people`, adminA.token, {
      username: 'hub',
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const hub = await session('hub', 'hub password 1');
    expect(hub.regions.map((r) => r.name)).toContain('Regio Westkust');
    const inKust = (
      await call('POST', '/session/region', hub.token, { tenant: kust.id })
    ).json<Session>();
    expect(await works(inKust.token)).toBe(200);
    expect(
      (await call('DELETE', `/admin/regions/${kust.id}/people/hub`, adminA.token)).statusCode,
    ).toBe(200);
    expect(await works(inKust.token)).toBe(401);
  });

  it('counts attempts sent at the same moment before any password is checked', async () => {
    await createPerson(h.store.db, {
      tenantId: TENANT_B.tenant,
      id: 'parallel',
      name: 'Parallel',
      role: 'coordinator',
      username: 'parallel',
      password: 'parallel password',
    });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn('parallel', `guess ${i}`)),
    );
    const statuses = answers.map((r) => r.statusCode);
    // Five counted attempts are checked (the fifth locks); the other seven wait for the lock.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it('keeps an account to those who administer all its regions, and not one’s own', async () => {
    const adminA = await session('admin-a', 'a brand new password');
    // The hub works in the demo region and in B: admin A administers only the demo region.
    const reset = await call('POST', '/admin/people/hub/password', adminA.token, {
      password: 'taken over by A',
    });
    expect(reset.statusCode).toBe(403);
    const off = await call('PATCH', '/admin/people/hub', adminA.token, { active: false });
    expect(off.statusCode).toBe(403);
    expect((await signIn('hub', 'hub password 1')).statusCode).toBe(200);
    const own = await call('POST', '/admin/people/admin-a/password', adminA.token, {
      password: 'without the old one',
    });
    expect(own.statusCode).toBe(400);
  });

  it('keeps a session’s end across a region switch, and ends a switched-off person’s at once', async () => {
    const hub = await session('hub', 'hub password 1');
    // Used every 11 hours until 25 days in, then switched: the new token ends with the old one.
    const opened = clock;
    let token = hub.token;
    while (clock + 11 * HOUR < opened + 25 * 24 * HOUR) {
      clock += 11 * HOUR;
      expect(await works(token)).toBe(200);
    }
    const switched = await call('POST', '/session/region', token, { tenant: TENANT_B.tenant });
    token = switched.json<Session>().token;
    expect(Date.parse(switched.json<Session>().expiresAt)).toBeLessThanOrEqual(clock + 12 * HOUR);
    while (clock + 11 * HOUR < opened + 30 * 24 * HOUR) {
      clock += 11 * HOUR;
      expect(await works(token)).toBe(200);
    }
    clock = opened + 30 * 24 * HOUR;
    expect(errorCode(await call('GET', '/session', token))).toBe('session-expired');

    const fresh = await session('hub', 'hub password 1');
    await h.store.db.updateTable('people').set({ active: 0 }).where('id', '=', 'hub').execute();
    expect(await works(fresh.token)).toBe(401);
    await h.store.db.updateTable('people').set({ active: 1 }).where('id', '=', 'hub').execute();
  });
});
