// The administration API on both stores: who may use it, each endpoint's happy path, tenant
// isolation, revocation, enrollment codes, device contact, item search, the audit log, and bad
// input that is always a 400 (never a 500) and changes nothing.
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCode } from '../../src/domain/index';
import { DEMO } from '../../server/demo';
import { createPerson } from '../../server/directory';
import { code, event, registration, senderOf } from './events';
import { TENANT_B, bearer, enroll, errorCode, signIn, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { STORE_KINDS } from './testStore';

type Method = 'GET' | 'POST' | 'PATCH';

// Every admin route with a valid body, so a refusal can only come from who is calling.
const ROUTES: [Method, string, unknown?][] = [
  ['GET', '/sites'],
  ['POST', '/sites', { name: 'Nieuw park', kind: 'park' }],
  ['PATCH', `/sites/${DEMO.noord.id}`, { address: 'Elders 1' }],
  ['GET', '/people'],
  ['POST', '/people', { name: 'Eva', role: 'attendant', sites: [DEMO.noord.id] }],
  ['PATCH', '/people/demo-an-peeters', { active: false }],
  ['GET', '/devices'],
  ['POST', '/devices/some-device/revoke', {}],
  ['POST', '/enrollment-codes', { site: DEMO.noord.id }],
  ['POST', '/labels', { kind: 'item', count: 1 }],
  ['GET', '/labels'],
  ['GET', '/labels/some-batch'],
  ['GET', '/labels/code/BW'],
  ['GET', '/items?q=kettle'],
  ['GET', '/audit'],
];

interface Entry {
  id: string;
  at: string;
  actor: string | null;
  actorName: string | null;
  action: string;
  target: string;
  details: Record<string, unknown>;
}

describe.each(STORE_KINDS)('administration on %s', (kind) => {
  let h: Harness;
  let coordinator: string;
  let admin: string;
  let coordinatorB: string;
  let park: Enrolled;

  const call = (method: Method, url: string, token: string | null, payload?: unknown) =>
    h.app.inject({
      method,
      url: `/api/v1/admin${url}`,
      headers: token === null ? {} : bearer(token),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const ok = async <T>(res: Promise<LightMyRequestResponse>, status = 200): Promise<T> => {
    const answer = await res;
    expect(answer.statusCode, answer.body).toBe(status);
    return answer.json<T>();
  };
  const audit = async (token = coordinator) =>
    (await ok<{ entries: Entry[] }>(call('GET', '/audit?limit=500', token))).entries;
  const push = (token: string, events: unknown[], headers: Record<string, string> = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: { ...bearer(token), ...headers },
      payload: { events: events as object[] },
    });

  beforeAll(async () => {
    h = await startHarness(kind);
    coordinator = await signIn(h.app, DEMO.coordinator.username, DEMO.coordinator.password);
    await createPerson(h.store.db, {
      tenantId: 'demo',
      id: 'demo-admin',
      name: 'Beheerder',
      role: 'admin',
      username: 'demo-admin',
      password: 'admin-password-1',
    });
    admin = await signIn(h.app, 'demo-admin', 'admin-password-1');
    coordinatorB = await signIn(
      h.app,
      TENANT_B.coordinator.username,
      TENANT_B.coordinator.password,
    );
    park = await enroll(h.app, DEMO.noord.code, 'Tablet Noord');
  });
  afterAll(() => h.close());

  it('lets no device, attendant or technician in (403), and nobody without a token (401)', async () => {
    const shop = await enroll(h.app, DEMO.winkel.code);
    // Persons of the field roles cannot sign in through the API; the CLI could still give one
    // a password, so prove such a sign-in gets nowhere either.
    for (const [id, role, site] of [
      ['demo-login-attendant', 'attendant', DEMO.noord.id],
      ['demo-login-technician', 'technician', DEMO.winkel.id],
    ] as const) {
      await createPerson(h.store.db, {
        tenantId: 'demo',
        id,
        name: id,
        role,
        sites: [site],
        username: id,
        password: 'field-password-1',
      });
    }
    const callers = [
      park.token,
      shop.token,
      await signIn(h.app, 'demo-login-attendant', 'field-password-1'),
      await signIn(h.app, 'demo-login-technician', 'field-password-1'),
    ];
    const before = (await audit()).length;
    for (const [method, url, payload] of ROUTES) {
      for (const token of callers) {
        const res = await call(method, url, token, payload);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(errorCode(res)).toBe('forbidden');
      }
      const anonymous = await call(method, url, null, payload);
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401);
      expect(errorCode(anonymous)).toBe('unauthorized');
    }
    // Even a malformed body from a field device is a 403: the guard runs before validation.
    expect((await call('POST', '/labels', park.token, { count: -1 })).statusCode).toBe(403);
    expect(await audit()).toHaveLength(before);
  });

  it('lists, creates and renames sites; a duplicate name is 409', async () => {
    const { sites } = await ok<{
      sites: { id: string; name: string; people: { name: string }[] }[];
    }>(call('GET', '/sites', coordinator));
    expect(sites.map((s) => s.name)).toEqual([
      'Kringwinkel Centrum',
      'Recyclagepark Noord',
      'Recyclagepark Zuid',
      'Repair Café Centrum',
    ]);
    expect(sites[1]).toEqual({
      id: DEMO.noord.id,
      name: 'Recyclagepark Noord',
      kind: 'park',
      address: null,
      intercommunale: null,
      ordsGroup: null,
      contactRetentionDays: null,
      // (and the attendant with a password made by the first test)
      people: expect.arrayContaining([
        { id: 'demo-an-peeters', name: 'An Peeters', role: 'attendant' },
        { id: 'demo-bart-claes', name: 'Bart Claes', role: 'attendant' },
      ]) as unknown,
    });
    const { site } = await ok<{ site: { id: string } }>(
      call('POST', '/sites', coordinator, {
        name: ' Recyclagepark Oost ',
        kind: 'park',
        address: 'Oostlaan 1, 8000 Brugge',
        intercommunale: 'IVBO',
      }),
      201,
    );
    expect(site).toEqual({
      id: site.id,
      name: 'Recyclagepark Oost',
      kind: 'park',
      address: 'Oostlaan 1, 8000 Brugge',
      intercommunale: 'IVBO',
      ordsGroup: null,
      contactRetentionDays: null,
      people: [],
    });
    const dup = await call('POST', '/sites', coordinator, {
      name: 'recyclagepark oost',
      kind: 'shop',
    });
    expect(dup.statusCode).toBe(409);
    expect(errorCode(dup)).toBe('conflict');
    // Another region may use the same name.
    await ok(
      call('POST', '/sites', coordinatorB, { name: 'Recyclagepark Oost', kind: 'park' }),
      201,
    );

    const renamed = await ok<{ site: Record<string, unknown> }>(
      call('PATCH', `/sites/${site.id}`, coordinator, { name: 'Park Oost', address: null }),
    );
    expect(renamed.site).toMatchObject({
      name: 'Park Oost',
      address: null,
      intercommunale: 'IVBO',
    });
    const clash = await call('PATCH', `/sites/${site.id}`, coordinator, {
      name: 'Recyclagepark Zuid',
    });
    expect(clash.statusCode).toBe(409);
    expect(
      (await call('PATCH', '/sites/no-such-site', coordinator, { name: 'x' })).statusCode,
    ).toBe(404);

    const entries = await audit();
    expect(entries.find((e) => e.action === 'site.created' && e.target === site.id)).toMatchObject({
      actor: 'demo-coordinator',
      actorName: 'Coördinator (demo)',
      details: { name: 'Recyclagepark Oost', kind: 'park', intercommunale: 'IVBO' },
    });
    expect(entries.find((e) => e.action === 'site.updated' && e.target === site.id)).toMatchObject({
      actor: 'demo-coordinator',
      details: { name: 'Park Oost', address: null },
    });
  });

  it('creates people by the role rules and switches them off and on', async () => {
    const { person } = await ok<{ person: { id: string } }>(
      call('POST', '/people', coordinator, {
        name: 'Eva Smet',
        role: 'attendant',
        sites: [DEMO.zuid.id],
      }),
      201,
    );
    expect(person).toEqual({
      id: person.id,
      name: 'Eva Smet',
      role: 'attendant',
      username: null,
      sites: [DEMO.zuid.id],
      active: true,
    });
    const roster = async () => (await enroll(h.app, DEMO.zuid.code)).people.map((p) => p.name);
    expect(await roster()).toContain('Eva Smet');

    const refused: [unknown, number][] = [
      [{ name: 'X', role: 'attendant' }, 400],
      [{ name: 'X', role: 'technician', sites: [] }, 400],
      [
        {
          name: 'X',
          role: 'attendant',
          sites: [DEMO.zuid.id],
          username: 'xx-att',
          password: 'long-enough-1',
        },
        400,
      ],
      [{ name: 'X', role: 'coordinator' }, 400],
      [{ name: 'X', role: 'coordinator', username: 'x-coord', password: 'short' }, 400],
      [{ name: 'X', role: 'attendant', sites: ['no-such-site'] }, 400],
      [{ name: 'X', role: 'attendant', sites: [TENANT_B.park] }, 400],
      [{ name: 'X', role: 'boss', sites: [DEMO.zuid.id] }, 400],
      [{ name: '   ', role: 'attendant', sites: [DEMO.zuid.id] }, 400],
      [{ name: 'X', role: 'admin', username: 'x-admin', password: 'long-enough-1' }, 403],
      [{ name: 'X', role: 'coordinator', username: 'coordinator', password: 'long-enough-1' }, 409],
    ];
    for (const [body, status] of refused) {
      const res = await call('POST', '/people', coordinator, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
    }
    // An admin may add an admin; the new coordinator can sign in.
    await ok(
      call('POST', '/people', admin, {
        name: 'Tweede beheerder',
        role: 'admin',
        username: 'admin-2',
        password: 'long-enough-2',
      }),
      201,
    );
    const made = await ok<{ person: { id: string; username: string | null } }>(
      call('POST', '/people', coordinator, {
        name: 'Co Two',
        role: 'coordinator',
        username: 'co-two',
        password: 'long-enough-3',
      }),
      201,
    );
    expect(made.person.username).toBe('co-two');
    const coTwo = await signIn(h.app, 'co-two', 'long-enough-3');
    await ok(call('GET', '/people', coTwo));

    // Off: gone from the rosters and the sign-ins end; the row stays, with its id.
    const off = await ok<{ person: { active: boolean; sites: string[] } }>(
      call('PATCH', `/people/${person.id}`, coordinator, { active: false }),
    );
    expect(off.person).toMatchObject({ active: false, sites: [DEMO.zuid.id] });
    expect(await roster()).not.toContain('Eva Smet');
    const { sites } = await ok<{ sites: { id: string; people: { id: string }[] }[] }>(
      call('GET', '/sites', coordinator),
    );
    expect(sites.find((s) => s.id === DEMO.zuid.id)?.people.map((p) => p.id)).not.toContain(
      person.id,
    );
    await ok(call('PATCH', `/people/${made.person.id}`, coordinator, { active: false }));
    const revoked = await call('GET', '/people', coTwo);
    expect(revoked.statusCode).toBe(401);
    expect(errorCode(revoked)).toBe('token-revoked');
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'co-two', password: 'long-enough-3' },
    });
    expect(again.statusCode).toBe(401);

    // On again, renamed and moved; nobody may switch themselves off; a coordinator may not touch an admin.
    const on = await ok<{ person: Record<string, unknown> }>(
      call('PATCH', `/people/${person.id}`, coordinator, {
        active: true,
        name: 'Eva Smet-De Vos',
        sites: [DEMO.noord.id, DEMO.zuid.id],
      }),
    );
    expect(on.person).toMatchObject({
      active: true,
      name: 'Eva Smet-De Vos',
      sites: [DEMO.noord.id, DEMO.zuid.id].sort(),
    });
    expect(
      (await call('PATCH', `/people/${person.id}`, coordinator, { sites: [] })).statusCode,
    ).toBe(400);
    expect(
      (await call('PATCH', '/people/demo-coordinator', coordinator, { active: false })).statusCode,
    ).toBe(400);
    expect(
      (await call('PATCH', '/people/demo-admin', coordinator, { name: 'Hacked' })).statusCode,
    ).toBe(403);
    expect((await call('PATCH', '/people/nobody', coordinator, { name: 'x' })).statusCode).toBe(
      404,
    );

    const { people } = await ok<{ people: { id: string; active: boolean }[] }>(
      call('GET', '/people', coordinator),
    );
    expect(people.find((p) => p.id === person.id)?.active).toBe(true);
    expect(people.some((p) => p.id === TENANT_B.coordinator.id)).toBe(false);

    const entries = await audit();
    const mine = entries.filter((e) => e.target === person.id);
    expect(mine.map((e) => e.action)).toEqual([
      'person.updated',
      'person.updated',
      'person.created',
    ]);
    expect(mine.every((e) => e.actor === 'demo-coordinator')).toBe(true);
    expect(mine[1]?.details).toEqual({ active: false });
    expect(JSON.stringify(entries)).not.toContain('long-enough');
  });

  it("records each device's contact and lists the region's devices", async () => {
    const tablet = await enroll(h.app, DEMO.noord.code, 'Tablet contact');
    const sender = senderOf(tablet);
    const first = await push(tablet.token, [registration(sender, code('BW', 501))], {
      'x-bewaar-version': '1.4.2',
      'x-bewaar-pending': '7',
    });
    expect(first.statusCode).toBe(200);
    const { devices } = await ok<{ devices: Record<string, unknown>[] }>(
      call('GET', '/devices', coordinator),
    );
    const row = devices.find((d) => d.id === tablet.device.id);
    expect(row).toMatchObject({
      name: 'Tablet contact',
      site: DEMO.noord.id,
      appVersion: '1.4.2',
      pendingAtLastContact: 7,
      revokedAt: null,
    });
    expect(Date.parse(String(row?.lastSeenAt))).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(String(row?.createdAt))).toBeGreaterThan(Date.now() - 60_000);
    // Garbage headers are tolerated: the sync works and the values read as unknown.
    const pull = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull',
      headers: {
        ...bearer(tablet.token),
        'x-bewaar-version': '<script>',
        'x-bewaar-pending': '-3',
      },
    });
    expect(pull.statusCode).toBe(200);
    const later = (
      await ok<{ devices: Record<string, unknown>[] }>(call('GET', '/devices', coordinator))
    ).devices;
    expect(later.find((d) => d.id === tablet.device.id)).toMatchObject({
      appVersion: null,
      pendingAtLastContact: null,
    });
    // A pull that reports nothing new within a minute of the last contact writes nothing; one
    // that reports a change is recorded.
    const seenAt = async () =>
      await h.store.db
        .selectFrom('devices')
        .select(['last_seen_at', 'pending_at_last_contact'])
        .where('id', '=', tablet.device.id)
        .executeTakeFirstOrThrow();
    const recorded = await seenAt();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const pullWith = (pending: string) =>
      h.app.inject({
        method: 'GET',
        url: '/api/v1/sync/pull',
        headers: { ...bearer(tablet.token), 'x-bewaar-pending': pending },
      });
    expect((await pullWith('-3')).statusCode).toBe(200);
    expect(await seenAt()).toEqual(recorded);
    expect((await pullWith('2')).statusCode).toBe(200);
    const changed = await seenAt();
    expect(Number(changed.pending_at_last_contact)).toBe(2);
    expect(changed.last_seen_at).not.toBe(recorded.last_seen_at);
    // Only this region's devices.
    const bDevice = await enroll(h.app, TENANT_B.parkCode);
    expect(later.some((d) => d.id === bDevice.device.id)).toBe(false);
    const bList = (await ok<{ devices: { id: string }[] }>(call('GET', '/devices', coordinatorB)))
      .devices;
    expect(bList.map((d) => d.id)).toContain(bDevice.device.id);
    expect(bList.some((d) => d.id === tablet.device.id)).toBe(false);
  });

  it('revokes a device: its next push and pull get 401 token-revoked; another region cannot', async () => {
    const tablet = await enroll(h.app, DEMO.noord.code, 'Tablet to revoke');
    const sender = senderOf(tablet);
    const fromB = await call('POST', `/devices/${tablet.device.id}/revoke`, coordinatorB, {});
    expect(fromB.statusCode).toBe(404);
    expect((await push(tablet.token, [registration(sender, code('BW', 502))])).statusCode).toBe(
      200,
    );

    const { device } = await ok<{ device: { id: string; revokedAt: string | null } }>(
      call('POST', `/devices/${tablet.device.id}/revoke`, coordinator, {}),
    );
    expect(device.id).toBe(tablet.device.id);
    expect(Date.parse(device.revokedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
    const next = await push(tablet.token, [registration(sender, code('BW', 503))]);
    expect(next.statusCode).toBe(401);
    expect(errorCode(next)).toBe('token-revoked');
    const pull = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull',
      headers: bearer(tablet.token),
    });
    expect(errorCode(pull)).toBe('token-revoked');
    // Again: the same answer, and no second audit row.
    const twice = await ok<{ device: { revokedAt: string } }>(
      call('POST', `/devices/${tablet.device.id}/revoke`, coordinator, {}),
    );
    expect(twice.device.revokedAt).toBe(device.revokedAt);
    const rows = (await audit()).filter((e) => e.target === tablet.device.id);
    expect(rows.map((e) => [e.action, e.actor])).toEqual([
      ['device.revoked', 'demo-coordinator'],
      ['device.enrolled', null],
    ]);
    expect((await call('POST', '/devices/no-such-device/revoke', coordinator, {})).statusCode).toBe(
      404,
    );
  });

  it('makes an enrollment code that enrolls one device once', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/enrollment-codes',
      headers: { ...bearer(coordinator), host: 'bewaar.example:8443' },
      payload: { site: DEMO.zuid.id, hours: 2 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const made = res.json<{ code: string; site: string; expiresAt: string; path: string }>();
    expect(made.site).toBe(DEMO.zuid.id);
    expect(made.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    // Without PUBLIC_URL the app puts its own address before the path; the Host header, which
    // the sender chooses, is never used.
    expect(made.path).toBe(`/enroll/${made.code}`);
    expect(made).not.toHaveProperty('url');
    const hours = (Date.parse(made.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(1.9);
    expect(hours).toBeLessThanOrEqual(2);
    const defaulted = (
      await h.app.inject({
        method: 'POST',
        url: '/api/v1/admin/enrollment-codes',
        headers: { ...bearer(coordinator), host: 'evil.example' },
        payload: { site: DEMO.zuid.id },
      })
    ).json<{ expiresAt: string }>();
    expect(JSON.stringify(defaulted)).not.toContain('evil.example');
    expect((Date.parse(defaulted.expiresAt) - Date.now()) / 3_600_000).toBeGreaterThan(71.9);
    const configured = await buildApp({
      store: h.store,
      demo: true,
      publicUrl: 'https://bewaar.example.be',
    });
    try {
      const withUrl = await configured.inject({
        method: 'POST',
        url: '/api/v1/admin/enrollment-codes',
        headers: {
          ...bearer(coordinator),
          host: 'evil.example',
          'x-forwarded-host': 'evil.example',
        },
        payload: { site: DEMO.zuid.id },
      });
      const body = withUrl.json<{ code: string; url: string }>();
      expect(body.url).toBe(`https://bewaar.example.be/enroll/${body.code}`);
    } finally {
      await configured.close();
    }

    const device = await enroll(h.app, made.code.toLowerCase(), 'Tablet Zuid 2');
    expect(device.site.id).toBe(DEMO.zuid.id);
    // The code keeps who made it, and the enrollment's audit row names them (never the code).
    const row = await h.store.db
      .selectFrom('enrollment_codes')
      .select('created_by')
      .where('code', '=', made.code)
      .executeTakeFirst();
    expect(row).toEqual({ created_by: 'demo-coordinator' });
    const log = await ok<{ entries: Entry[]; names: Record<string, string> }>(
      call('GET', '/audit?limit=500', coordinator),
    );
    const enrolledWith = log.entries.find(
      (e) => e.action === 'device.enrolled' && e.target === device.device.id,
    );
    expect(enrolledWith).toMatchObject({
      actor: null,
      details: {
        name: 'Tablet Zuid 2',
        site: DEMO.zuid.id,
        codeBy: 'demo-coordinator',
        codeByRole: 'coordinator',
      },
    });
    expect(JSON.stringify(enrolledWith)).not.toContain(made.code);
    expect(log.names['demo-coordinator']).toBe('Coördinator (demo)');
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/v1/devices/enroll',
      payload: { code: made.code, name: 'x' },
    });
    expect(again.statusCode).toBe(400);
    expect(errorCode(again)).toBe('enrollment-code-invalid');

    const entry = (await audit()).find((e) => e.action === 'enrollment-code.created');
    expect(entry).toMatchObject({ actor: 'demo-coordinator', target: DEMO.zuid.id });
    expect(JSON.stringify(entry)).not.toContain(made.code);
    // Another region's site is not yours to make codes for.
    expect(
      (await call('POST', '/enrollment-codes', coordinatorB, { site: DEMO.zuid.id })).statusCode,
    ).toBe(400);
  });

  it("keeps another region's coordinator away from this region's sites and people", async () => {
    const { sites } = await ok<{ sites: { id: string }[] }>(call('GET', '/sites', coordinatorB));
    expect(sites.map((s) => s.id)).not.toContain(DEMO.noord.id);
    expect(
      (await call('PATCH', `/sites/${DEMO.noord.id}`, coordinatorB, { name: 'Mine' })).statusCode,
    ).toBe(404);
    expect(
      (await call('PATCH', '/people/demo-an-peeters', coordinatorB, { active: false })).statusCode,
    ).toBe(404);
    const entriesB = await audit(coordinatorB);
    expect(entriesB.some((e) => e.actor === 'demo-coordinator')).toBe(false);
    const items = await ok<{ total: number }>(call('GET', '/items', coordinatorB));
    expect(items.total).toBe(0);
  });

  it('finds items by forgiving code first, else by text in brand, model, note or category', async () => {
    const sender = senderOf(park);
    const kettle = code('BW', 601);
    const lamp = code('BW', 602);
    const res = await push(park.token, [
      event(sender, 'item.registered', kettle, {
        category: 14,
        brand: 'Philips',
        model: 'HD9350',
        condition: 'works',
        complete: true,
        weightKg: 1.2,
        weighed: true,
        photos: [],
        note: 'Deksel klemt',
      }),
      event(sender, 'item.registered', lamp, {
        category: 15,
        brand: 'IKEA',
        description: 'Bureaulamp met Philips-lamp',
        condition: 'unknown',
        complete: false,
        weightKg: 2,
        weighed: false,
        photos: [],
      }),
    ]);
    expect(res.json<{ accepted: string[] }>().accepted).toHaveLength(2);
    const search = (q: string, extra = '') =>
      ok<{ items: Record<string, unknown>[]; total: number }>(
        call('GET', `/items?q=${encodeURIComponent(q)}${extra}`, coordinator),
      );
    const exact = await search(formatCode(kettle).toLowerCase());
    expect(exact.total).toBe(1);
    expect(exact.items[0]).toEqual({
      code: kettle,
      category: 14,
      brand: 'Philips',
      model: 'HD9350',
      status: 'registered',
      site: DEMO.noord.id,
      registeredAt: exact.items[0]?.registeredAt,
      note: 'Deksel klemt',
    });
    expect(String(exact.items[0]?.registeredAt)).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
    );
    expect((await search('philips')).items.map((i) => i.code).sort()).toEqual(
      [kettle, lamp].sort(),
    );
    expect((await search('PHILIPS', '&limit=1')).items).toHaveLength(1);
    expect((await search('PHILIPS', '&limit=1')).total).toBe(2);
    // Other tests pushed kettles too (the test events' default category).
    const kettles = (await search('waterkoker')).items.map((i) => i.code);
    expect(kettles).toContain(kettle);
    expect(kettles).not.toContain(lamp);
    expect((await search('deksel')).items.map((i) => i.code)).toEqual([kettle]);
    expect((await search('hd9350')).items.map((i) => i.code)).toEqual([kettle]);
    expect((await search('bureaulamp')).items.map((i) => i.code)).toEqual([lamp]);
    expect((await search('Éénhoorn 100%')).total).toBe(0);
    expect((await search('')).total).toBeGreaterThanOrEqual(2);
    for (const query of [
      '?limit=0',
      '?limit=201',
      '?limit=abc',
      '?limit=-1',
      '?color=red',
      `?q=${'x'.repeat(201)}`,
    ]) {
      const bad = await call('GET', `/items${query}`, coordinator);
      expect(bad.statusCode, query).toBe(400);
      expect(errorCode(bad)).toBe('bad-request');
    }
  });

  it('reads the audit log newest first and refuses a bad limit', async () => {
    const entries = await audit();
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort().reverse());
    const enrolled = entries.find(
      (e) => e.action === 'device.enrolled' && e.target === park.device.id,
    );
    // A demo code has no maker: the row names none.
    expect(enrolled).toMatchObject({
      actor: null,
      actorName: null,
      details: { name: 'Tablet Noord', site: DEMO.noord.id },
    });
    expect(enrolled?.details).not.toHaveProperty('codeBy');
    expect(
      (await ok<{ entries: Entry[] }>(call('GET', '/audit?limit=2', coordinator))).entries,
    ).toHaveLength(2);
    for (const limit of ['0', '501', 'x', '1.5']) {
      expect((await call('GET', `/audit?limit=${limit}`, coordinator)).statusCode).toBe(400);
    }
  });

  it("names what the audit log speaks of: the region's people, devices, sites, never another region's", async () => {
    const { person } = await ok<{ person: { id: string } }>(
      call('POST', '/people', coordinator, {
        name: 'Wout Audit',
        role: 'attendant',
        sites: [DEMO.noord.id, DEMO.zuid.id],
      }),
      201,
    );
    await ok(call('PATCH', `/people/${person.id}`, coordinator, { name: 'Wout Verbeke' }));
    const answer = await ok<{ entries: Entry[]; names: Record<string, string> }>(
      call('GET', '/audit?limit=500', coordinator),
    );
    // Today's names: the person as renamed, the sites of the details, the enrolled device.
    expect(answer.names[person.id]).toBe('Wout Verbeke');
    expect(answer.names[DEMO.noord.id]).toBe('Recyclagepark Noord');
    expect(answer.names[DEMO.zuid.id]).toBe('Recyclagepark Zuid');
    expect(answer.names[park.device.id]).toBe('Tablet Noord');
    const created = answer.entries.find(
      (e) => e.action === 'person.created' && e.target === person.id,
    );
    expect(created?.actorName).toBe('Coördinator (demo)');
    // Region B's log names B's things only.
    const other = await ok<{ entries: Entry[]; names: Record<string, string> }>(
      call('GET', '/audit?limit=500', coordinatorB),
    );
    expect(Object.values(other.names)).not.toContain('Wout Verbeke');
    expect(other.names[park.device.id]).toBeUndefined();
    expect(other.names[DEMO.noord.id]).toBeUndefined();
  });

  it('answers bad input with 400, never 500, and changes nothing', async () => {
    const before = (await audit()).length;
    const bad: [Method, string, unknown][] = [
      ['POST', '/sites', { name: 'X', kind: 'garage' }],
      ['POST', '/sites', { name: '', kind: 'park' }],
      ['POST', '/sites', { name: 'X', kind: 'park', extra: 1 }],
      ['POST', '/sites', { name: 12, kind: 'park' }],
      ['POST', '/sites', { name: 'x'.repeat(101), kind: 'park' }],
      ['POST', '/sites', { name: 'x'.repeat(10_001), kind: 'park' }],
      ['POST', '/sites', []],
      ['PATCH', `/sites/${DEMO.noord.id}`, { kind: 'shop' }],
      ['PATCH', `/sites/${DEMO.noord.id}`, { name: null }],
      ['POST', '/people', { name: 'X', role: 'attendant', sites: [DEMO.zuid.id], extra: true }],
      ['POST', '/people', { name: 'X', role: 'attendant', sites: DEMO.zuid.id }],
      ['POST', '/people', { name: 'X', role: 'attendant', sites: [DEMO.zuid.id, DEMO.zuid.id] }],
      [
        'POST',
        '/people',
        { name: 'X', role: 'attendant', sites: Array.from({ length: 101 }, (_, i) => `s${i}`) },
      ],
      ['PATCH', '/people/demo-an-peeters', { role: 'admin' }],
      ['PATCH', '/people/demo-an-peeters', { active: 'no' }],
      ['PATCH', '/people/demo-an-peeters', { sites: ['no-such-site'] }],
      ['POST', '/enrollment-codes', { site: 'no-such-site' }],
      ['POST', '/enrollment-codes', { site: DEMO.zuid.id, hours: -1 }],
      ['POST', '/enrollment-codes', { site: DEMO.zuid.id, hours: 0 }],
      ['POST', '/enrollment-codes', { site: DEMO.zuid.id, hours: 721 }],
      ['POST', '/enrollment-codes', { site: DEMO.zuid.id, hours: 1.5 }],
      ['POST', '/enrollment-codes', { site: DEMO.zuid.id, hours: '3' }],
      ['POST', '/enrollment-codes', { site: DEMO.zuid.id, hours: 1e300 }],
      ['POST', '/enrollment-codes', { site: DEMO.zuid.id, code: 'MINE' }],
      ['POST', '/enrollment-codes', {}],
      ['POST', '/labels', { kind: 'item', count: 1e12 }],
    ];
    for (const [method, url, body] of bad) {
      const res = await h.app.inject({
        method,
        url: `/api/v1/admin${url}`,
        headers: { ...bearer(coordinator), 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(body).slice(0, 80)}`).toBe(400);
      expect(res.json<{ error: { message: string } }>().error.message.length).toBeGreaterThan(0);
    }
    const notJson = await h.app.inject({
      method: 'POST',
      url: '/api/v1/admin/sites',
      headers: { ...bearer(coordinator), 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(await audit()).toHaveLength(before);
  });
});
