// Repair cafés on the server (DESIGN §6), on both stores: café sites and roles in the
// administration, who may write which café event, visitors' contacts kept outside the log (read by
// the café's organiser and the region's coordinators only, never pulled or exported, erased after
// the retention period), and the demo café's past days.
import { randomBytes } from 'node:crypto';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { sweepContacts } from '../../server/cafe/contacts';
import { buildDemoCafe, CAFE_SESSIONS, DEMO_CAFE, seedDemoCafe } from '../../server/cafe/demoCafe';
import { DEMO } from '../../server/demo';
import { migrationProvider } from '../../server/store/migrations';
import { createEnrollmentCode } from '../../server/directory';
import {
  canonicalJson,
  foldSession,
  foldVisit,
  generateCode,
  validateEvent,
} from '../../src/domain/index';
import type { BewaarEvent, EventDataMap, EventType } from '../../src/domain/index';
import { code, event, registration } from './events';
import type { Sender } from './events';
import { bearer, enroll, errorCode, signIn, startHarness, TENANT_B } from './harness';
import type { Enrolled, Harness } from './harness';
import { openTestStore, STORE_KINDS } from './testStore';

const DAY_MS = 86_400_000;
const newCode = (kind: 'session' | 'ticket') => generateCode(kind, (n) => randomBytes(n));

interface PushAnswer {
  accepted: string[];
  rejected: { id: string; code: string; message: string }[];
}

describe.each(STORE_KINDS)('repair cafés on %s', (kind) => {
  let h: Harness;
  let clock = Date.UTC(2026, 11, 3, 10, 0);
  let coordinator: string;
  let organiser: string;
  let door: Enrolled;
  let park: Enrolled;
  let doorB: Enrolled;
  let cafeB: string;
  let organiserB: string;

  const as = (device: Enrolled, actor: string): Sender => ({
    device: device.device.id,
    site: device.site.id,
    actor,
  });
  const write = <K extends EventType>(
    sender: Sender,
    type: K,
    subject: string,
    data: EventDataMap[K],
  ) => event(sender, type, subject, data);
  const push = async (token: string, events: BewaarEvent[]): Promise<PushAnswer> => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(token),
      payload: { events },
    });
    expect(res.statusCode).toBe(200);
    return res.json<PushAnswer>();
  };
  const refusal = async (token: string, e: BewaarEvent) => {
    const answer = await push(token, [e]);
    expect(answer.accepted).toEqual([]);
    return answer.rejected[0];
  };
  const api = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    token: string,
    payload?: object,
  ) =>
    h.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: bearer(token),
      ...(payload === undefined ? {} : { payload }),
    });

  const host = DEMO_CAFE.host.id;
  const fixer = DEMO_CAFE.fixers[0].id;
  let session: string;
  const checkIn = (sender: Sender, ticket: string, consent = true, number = 1) =>
    write(sender, 'visit.checked-in', ticket, {
      session,
      number,
      category: 14,
      brand: 'Philips',
      problem: 'Waterkoker slaat niet meer aan',
      skill: 'electric',
      waiver: true,
      followUpConsent: consent,
    });

  beforeAll(async () => {
    h = await startHarness(kind, { now: () => clock });
    coordinator = await signIn(h.app, DEMO.coordinator.username, DEMO.coordinator.password);
    organiser = await signIn(h.app, DEMO.organiser.username, DEMO.organiser.password);
    door = await enroll(h.app, DEMO.cafe.code, 'Tablet onthaal');
    park = await enroll(h.app, DEMO.noord.code);
    // A second café in the region, with its own host, fixer and organiser.
    const created = await api('POST', '/admin/sites', coordinator, {
      name: 'Repair Café Oost',
      kind: 'cafe',
    });
    expect(created.statusCode).toBe(201);
    cafeB = created.json<{ site: { id: string } }>().site.id;
    for (const person of [
      { name: 'Jan (onthaal)', role: 'host', sites: [cafeB] },
      { name: 'F-11', role: 'fixer', sites: [cafeB] },
      {
        name: 'Organisator Oost',
        role: 'organiser',
        sites: [cafeB],
        username: 'organiser-oost',
        password: 'bewaar-oost-1',
      },
    ]) {
      const res = await api('POST', '/admin/people', coordinator, person);
      expect(res.statusCode, res.body).toBe(201);
    }
    organiserB = await signIn(h.app, 'organiser-oost', 'bewaar-oost-1');
    await createEnrollmentCode(h.store.db, {
      tenantId: DEMO.tenant.id,
      siteId: cafeB,
      code: 'TEST-OOST',
      reusable: true,
    });
    doorB = await enroll(h.app, 'TEST-OOST', 'Tablet Oost');
    session = newCode('session');
    const opened = await push(door.token, [
      write(as(door, host), 'session.opened', session, {
        date: '2026-12-03',
        tables: [{ name: 'Tafel 1', skill: 'electric' }],
      }),
    ]);
    expect(opened.rejected).toEqual([]);
  });
  afterAll(() => h.close());

  describe('sites and people', () => {
    it('makes a café with its ORDS group (its name) and 90 days of contact retention', async () => {
      const res = await api('GET', '/admin/sites', coordinator);
      const sites = res.json<{ sites: Record<string, unknown>[] }>().sites;
      expect(sites.find((s) => s.id === cafeB)).toMatchObject({
        kind: 'cafe',
        ordsGroup: 'Repair Café Oost',
        contactRetentionDays: 90,
      });
      expect(sites.find((s) => s.id === DEMO.noord.id)).toMatchObject({
        kind: 'park',
        ordsGroup: null,
        contactRetentionDays: null,
      });
    });

    it('changes a café’s settings and refuses them on a park, or out of range', async () => {
      const patched = await api('PATCH', `/admin/sites/${cafeB}`, coordinator, {
        ordsGroup: 'RC Oost',
        contactRetentionDays: 30,
      });
      expect(patched.statusCode).toBe(200);
      expect(patched.json()).toMatchObject({
        site: { ordsGroup: 'RC Oost', contactRetentionDays: 30 },
      });
      const onPark = await api('PATCH', `/admin/sites/${DEMO.noord.id}`, coordinator, {
        ordsGroup: 'x',
      });
      expect(onPark.statusCode).toBe(400);
      expect(onPark.json<{ error: { message: string } }>().error.message).toMatch(
        /Only a repair café/,
      );
      for (const days of [0, 731, 1.5]) {
        const bad = await api('PATCH', `/admin/sites/${cafeB}`, coordinator, {
          contactRetentionDays: days,
        });
        expect(bad.statusCode).toBe(400);
      }
      const parkWithDays = await api('POST', '/admin/sites', coordinator, {
        name: 'Park X',
        kind: 'park',
        contactRetentionDays: 30,
      });
      expect(parkWithDays.statusCode).toBe(400);
    });

    it('tells devices the café’s kind, ORDS group and retention (enrollment, GET /sites)', async () => {
      expect(door.site).toEqual({
        id: DEMO.cafe.id,
        name: 'Repair Café Centrum',
        kind: 'cafe',
        ordsGroup: 'Repair Café Centrum',
        contactRetentionDays: 90,
      });
      expect(door.people.map((p) => [p.name, p.role])).toEqual([
        ['Els (onthaal)', 'host'],
        ['F-01', 'fixer'],
        ['F-02', 'fixer'],
        ['F-03', 'fixer'],
        ['Organisator (demo)', 'organiser'],
      ]);
      const sites = (await api('GET', '/sites', park.token)).json<{
        sites: Record<string, unknown>[];
      }>().sites;
      expect(sites.find((s) => s.id === DEMO.cafe.id)).toMatchObject({
        kind: 'cafe',
        ordsGroup: 'Repair Café Centrum',
      });
      expect(sites.find((s) => s.id === DEMO.noord.id)).not.toHaveProperty('ordsGroup');
    });

    it('puts hosts, fixers and organisers on cafés only, and the others never there', async () => {
      const cases: [object, RegExp][] = [
        [{ name: 'H', role: 'host', sites: [DEMO.noord.id] }, /repair cafés only/],
        [{ name: 'A', role: 'attendant', sites: [DEMO.cafe.id] }, /pick a park or shop/],
        [
          {
            name: 'F',
            role: 'fixer',
            sites: [DEMO.cafe.id],
            username: 'f-x',
            password: 'p'.repeat(12),
          },
          /no password/,
        ],
        [{ name: 'F', role: 'fixer', sites: [] }, /at least one site/],
        [
          { name: 'O', role: 'organiser', username: 'o-x', password: 'p'.repeat(12) },
          /at least one site/,
        ],
        [{ name: 'O', role: 'organiser', sites: [DEMO.cafe.id] }, /username and a password/],
      ];
      for (const [body, message] of cases) {
        const res = await api('POST', '/admin/people', coordinator, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
      }
      const moved = await api('PATCH', `/admin/people/${host}`, coordinator, {
        sites: [DEMO.zuid.id],
      });
      expect(moved.statusCode).toBe(400);
    });

    it('signs an organiser in, but keeps them out of the administration and the figures', async () => {
      const session = await api('GET', '/session', organiser);
      expect(session.json()).toMatchObject({ person: { role: 'organiser' } });
      for (const url of ['/admin/sites', '/admin/people', '/admin/audit']) {
        const res = await api('GET', url, organiser);
        expect(res.statusCode, url).toBe(403);
      }
      expect(
        (await api('GET', '/figures?from=2026-11-01&to=2026-11-30', organiser)).statusCode,
      ).toBe(403);
      expect((await api('GET', '/sync/pull', organiser)).statusCode).toBe(200);
    });
  });

  describe('who writes what', () => {
    it('lets the host check in and the fixer claim and repair, and refuses them the other way', async () => {
      const ticket = newCode('ticket');
      expect((await refusal(door.token, checkIn(as(door, fixer), ticket)))?.message).toMatch(
        /A fixer on a repair café's device may not write visit.checked-in/,
      );
      const done = await push(door.token, [
        checkIn(as(door, host), ticket),
        write(as(door, fixer), 'visit.claimed', ticket, { table: 'Tafel 1' }),
      ]);
      expect(done.rejected).toEqual([]);
      const outcome = {
        status: 'fixed',
        fault: 'Schakelaar vuil',
        minutes: 15,
        fixer: 'F-01',
      } as const;
      expect(
        (await refusal(door.token, write(as(door, host), 'visit.repaired', ticket, outcome)))?.code,
      ).toBe('forbidden');
      expect(
        (await push(door.token, [write(as(door, fixer), 'visit.repaired', ticket, outcome)]))
          .rejected,
      ).toEqual([]);
    });

    it('refuses café events from a park device and item events from a café device', async () => {
      const attendant = park.people[0]?.id ?? '';
      const fromPark = await refusal(
        park.token,
        write(as(park, attendant), 'session.opened', newCode('session'), {
          date: '2026-12-03',
          tables: [{ name: 'T', skill: 'other' }],
        }),
      );
      expect(fromPark?.code).toBe('forbidden');
      const fromCafe = await refusal(door.token, registration(as(door, host), code('BW', 7201)));
      expect(fromCafe?.code).toBe('forbidden');
    });

    it("refuses another café's device writing about this café's ticket or session", async () => {
      const ticket = newCode('ticket');
      expect(
        (await push(door.token, [checkIn(as(door, host), ticket, false, 2)])).rejected,
      ).toEqual([]);
      const hostB = doorB.people.find((p) => p.role === 'host')?.id ?? '';
      const fixerB = doorB.people.find((p) => p.role === 'fixer')?.id ?? '';
      const repaired = await refusal(
        doorB.token,
        write(as(doorB, fixerB), 'visit.repaired', ticket, {
          status: 'end-of-life',
          barrier: 1,
          fault: 'x',
          minutes: 5,
          fixer: 'F-11',
        }),
      );
      expect(repaired).toMatchObject({ code: 'forbidden' });
      expect(repaired?.message).toMatch(/checked in at another repair café/);
      const out = await refusal(
        doorB.token,
        write(as(doorB, hostB), 'visit.checked-out', ticket, {}),
      );
      expect(out?.code).toBe('forbidden');
      const intoSession = await refusal(doorB.token, checkIn(as(doorB, hostB), newCode('ticket')));
      expect(intoSession?.message).toMatch(/belongs to another repair café/);
    });

    it('lets coordinators open and close café days, and an organiser only at their own café', async () => {
      const opening = (person: string, site: string) =>
        event({ device: 'laptop', site, actor: person }, 'session.opened', newCode('session'), {
          date: '2026-12-05',
          tables: [{ name: 'Tafel 1', skill: 'electric' }],
        });
      expect((await push(coordinator, [opening('demo-coordinator', cafeB)])).rejected).toEqual([]);
      expect(
        (await push(organiser, [opening(DEMO_CAFE.organiser.id, DEMO.cafe.id)])).rejected,
      ).toEqual([]);
      const elsewhere = await refusal(organiser, opening(DEMO_CAFE.organiser.id, cafeB));
      expect(elsewhere?.message).toMatch(/only about the repair café they run/);
      const onPark = await refusal(coordinator, opening('demo-coordinator', DEMO.noord.id));
      expect(onPark?.message).toMatch(/belong to a repair café/);
      const item = await refusal(
        organiser,
        event(
          { device: 'laptop', site: DEMO.cafe.id, actor: DEMO_CAFE.organiser.id },
          'item.voided',
          code('BW', 7202),
          {},
        ),
      );
      expect(item?.code).toBe('forbidden');
    });

    it('pulls café events like any other, and leaves them out of items, figures and the public card', async () => {
      const pulled = await api('GET', '/sync/pull?limit=1000', park.token);
      const types = pulled.json<{ events: BewaarEvent[] }>().events.map((e) => e.type);
      expect(types).toContain('visit.checked-in');
      expect(types).toContain('session.opened');
      await h.app.ready();
      const items = await h.store.db
        .selectFrom('items')
        .select('code')
        .where('tenant_id', '=', DEMO.tenant.id)
        .execute();
      expect(items.filter((i) => /^B[ST]/.test(i.code))).toEqual([]);
      const figures = await api('GET', '/figures?from=2026-11-01&to=2026-12-31', coordinator);
      expect(figures.statusCode).toBe(200);
      const card = await h.app.inject({ method: 'GET', url: `/api/v1/public/items/${session}` });
      expect(card.statusCode).toBe(404);
    });
  });

  describe('contacts', () => {
    let ticket: string;
    const contact = { firstName: 'Mieke', phone: '+32 470 12 34 56', email: 'mieke@example.be' };

    beforeAll(async () => {
      ticket = newCode('ticket');
      expect((await push(door.token, [checkIn(as(door, host), ticket, true, 3)])).rejected).toEqual(
        [],
      );
    });

    it('keeps a contact from the café door, once per ticket', async () => {
      const first = await api('POST', '/cafe/contacts', door.token, { ticket, ...contact });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toEqual({ ok: true });
      const again = await api('POST', '/cafe/contacts', door.token, {
        ticket: ticket.toLowerCase(),
        ...contact,
        phone: '0470 12 34 56',
      });
      expect(again.statusCode).toBe(200);
      const list = await api('GET', `/cafe/contacts?site=${DEMO.cafe.id}`, organiser);
      const contacts = list.json<{ contacts: Record<string, unknown>[] }>().contacts;
      expect(contacts.filter((c) => c.ticket === ticket)).toEqual([
        {
          ticket,
          firstName: 'Mieke',
          phone: '0470 12 34 56',
          email: 'mieke@example.be',
          createdAt: new Date(clock).toISOString(),
          eraseAfter: new Date(clock + 90 * DAY_MS).toISOString(),
        },
      ]);
    });

    it('refuses bad input with a clear message, and senders that are not a café door', async () => {
      const bad: [object, RegExp][] = [
        [{ ticket, firstName: 'Mieke' }, /phone number or an e-mail/],
        [{ ticket: 'BW123', firstName: 'Mieke', phone: '0470123456' }, /not a ticket code/],
        [{ ticket, firstName: '  ', phone: '0470123456' }, /first name/],
        [{ ticket, firstName: 'Mieke', email: 'mieke' }, /not an e-mail address/],
        [{ ticket, firstName: 'Mieke', phone: 'bel me' }, /not a phone number/],
      ];
      for (const [body, message] of bad) {
        const res = await api('POST', '/cafe/contacts', door.token, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
      }
      const noConsent = newCode('ticket');
      await push(door.token, [checkIn(as(door, host), noConsent, false, 4)]);
      const refused = await api('POST', '/cafe/contacts', door.token, {
        ticket: noConsent,
        ...contact,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toMatch(/without consent/);
      for (const token of [park.token, coordinator, organiser]) {
        const res = await api('POST', '/cafe/contacts', token, { ticket, ...contact });
        expect(res.statusCode).toBe(403);
      }
      const otherCafe = await api('POST', '/cafe/contacts', doorB.token, { ticket, ...contact });
      expect(otherCafe.statusCode).toBe(403);
    });

    it("is read by the café's organiser and the region's coordinators only", async () => {
      const read = (token: string, site: string = DEMO.cafe.id) =>
        api('GET', `/cafe/contacts?site=${site}`, token);
      expect((await read(coordinator)).json<{ contacts: unknown[] }>().contacts).toHaveLength(1);
      expect((await read(organiserB)).statusCode).toBe(403);
      expect((await read(door.token)).statusCode).toBe(403);
      expect((await read(park.token)).statusCode).toBe(403);
      const coordinatorB = await signIn(
        h.app,
        TENANT_B.coordinator.username,
        TENANT_B.coordinator.password,
      );
      expect((await read(coordinatorB)).statusCode).toBe(404);
      expect((await read(coordinator, DEMO.noord.id)).statusCode).toBe(404);
      expect((await read(organiserB, cafeB)).json()).toEqual({ contacts: [] });
    });

    it('never leaves the server in a pull or an export', async () => {
      const pulled = await api('GET', '/sync/pull?limit=1000', door.token);
      expect(pulled.body).toContain(ticket);
      for (const word of ['Mieke', '0470', 'example.be']) expect(pulled.body).not.toContain(word);
      for (const file of ['items.csv', 'ords.csv', 'trace.csv', 'items.xlsx']) {
        const res = await api('GET', `/exports/${file}?from=2026-01-01&to=2026-12-31`, coordinator);
        expect(res.statusCode, file).toBe(200);
        const text = res.rawPayload.toString('latin1');
        for (const word of ['Mieke', 'example.be']) expect(text).not.toContain(word);
      }
    });

    it('is erased on request, with an audit row that holds no contact data', async () => {
      const other = newCode('ticket');
      await push(door.token, [checkIn(as(door, host), other, true, 5)]);
      await api('POST', '/cafe/contacts', door.token, { ticket: other, ...contact });
      expect((await api('DELETE', `/cafe/contacts/${other}`, organiserB)).statusCode).toBe(403);
      expect((await api('DELETE', `/cafe/contacts/${other}`, door.token)).statusCode).toBe(403);
      expect((await api('DELETE', `/cafe/contacts/${other}`, organiser)).statusCode).toBe(204);
      expect((await api('DELETE', `/cafe/contacts/${other}`, organiser)).statusCode).toBe(204);
      const left = (await api('GET', `/cafe/contacts?site=${DEMO.cafe.id}`, organiser)).json<{
        contacts: { ticket: string }[];
      }>().contacts;
      expect(left.map((c) => c.ticket)).toEqual([ticket]);
      const audit = await api('GET', '/admin/audit', coordinator);
      const entry = audit
        .json<{ entries: { action: string; target: string }[] }>()
        .entries.find((e) => e.action === 'contact.erased');
      expect(entry).toMatchObject({ target: other });
      for (const word of ['Mieke', '0470', 'example.be']) expect(audit.body).not.toContain(word);
    });

    it("is erased once the café's retention period has passed", async () => {
      const keptAt = clock;
      clock = keptAt + 90 * DAY_MS - 60_000;
      // A sign-in lasts 30 days at most: sign in again on the moved clock.
      coordinator = await signIn(h.app, DEMO.coordinator.username, DEMO.coordinator.password);
      expect(await sweepContacts(h.store.db, clock)).toBe(0);
      expect(
        (await api('GET', `/cafe/contacts?site=${DEMO.cafe.id}`, coordinator)).json<{
          contacts: unknown[];
        }>().contacts,
      ).toHaveLength(1);
      clock = keptAt + 90 * DAY_MS + 60_000;
      coordinator = await signIn(h.app, DEMO.coordinator.username, DEMO.coordinator.password);
      expect(
        (await api('GET', `/cafe/contacts?site=${DEMO.cafe.id}`, coordinator)).json<{
          contacts: unknown[];
        }>().contacts,
      ).toEqual([]);
      expect(await sweepContacts(h.store.db, clock)).toBe(1);
      const rows = await h.store.db.selectFrom('cafe_contacts').select('ticket').execute();
      expect(rows.map((r) => r.ticket)).not.toContain(ticket);
    });

    it('is swept when a server starts, after a café’s own shorter retention', async () => {
      // Café Oost keeps contacts 30 days (set above).
      const oost = newCode('ticket');
      const kept = await api('POST', '/cafe/contacts', doorB.token, { ticket: oost, ...contact });
      expect(kept.statusCode, kept.body).toBe(200);
      const app = await buildApp({ store: h.store, demo: true, now: () => clock + 31 * DAY_MS });
      try {
        await app.ready();
        const rows = await h.store.db.selectFrom('cafe_contacts').select('ticket').execute();
        expect(rows.map((r) => r.ticket)).not.toContain(oost);
      } finally {
        await app.close();
      }
    });
  });

  describe('contacts and the consent their check-in states', () => {
    const contact = { firstName: 'Ruben', phone: '0486 11 22 33' };
    const kept = async () =>
      (await api('GET', `/cafe/contacts?site=${DEMO.cafe.id}`, organiser))
        .json<{ contacts: { ticket: string }[] }>()
        .contacts.map((c) => c.ticket);
    const stored = async (ticket: string) =>
      (
        await h.store.db
          .selectFrom('cafe_contacts')
          .select('ticket')
          .where('ticket', '=', ticket)
          .execute()
      ).length;
    const give = async (ticket: string) => {
      const res = await api('POST', '/cafe/contacts', door.token, { ticket, ...contact });
      expect(res.statusCode, res.body).toBe(200);
    };

    beforeAll(async () => {
      // The clock has moved past the retention tests: sign in again.
      organiser = await signIn(h.app, DEMO.organiser.username, DEMO.organiser.password);
    });

    it('erases a contact that came first once its check-in says no to follow-up', async () => {
      const ticket = newCode('ticket');
      await give(ticket);
      expect(await kept()).toContain(ticket);
      const answer = await push(door.token, [checkIn(as(door, host), ticket, false, 6)]);
      expect(answer.rejected).toEqual([]);
      expect(await kept()).not.toContain(ticket);
      expect(await stored(ticket)).toBe(0);
    });

    it('refuses a contact for a visit checked in without consent, and stores nothing', async () => {
      const ticket = newCode('ticket');
      expect(
        (await push(door.token, [checkIn(as(door, host), ticket, false, 7)])).rejected,
      ).toEqual([]);
      const refused = await api('POST', '/cafe/contacts', door.token, { ticket, ...contact });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toEqual({
        error: {
          code: 'no-consent',
          message: `The visit ${ticket} was checked in without consent to follow-up; no contact is kept.`,
        },
      });
      expect(await stored(ticket)).toBe(0);
      expect(await kept()).not.toContain(ticket);
    });

    it('keeps a contact that came first when its check-in gives consent', async () => {
      const ticket = newCode('ticket');
      await give(ticket);
      expect((await push(door.token, [checkIn(as(door, host), ticket, true, 8)])).rejected).toEqual(
        [],
      );
      expect(await kept()).toContain(ticket);
      expect((await api('DELETE', `/cafe/contacts/${ticket}`, organiser)).statusCode).toBe(204);
    });

    it('follows the latest check-in by clock: a retyped form without consent erases, an older one does not', async () => {
      const retyped = newCode('ticket');
      await push(door.token, [checkIn(as(door, host), retyped, true, 9)]);
      await give(retyped);
      await push(door.token, [checkIn(as(door, host), retyped, false, 9)]);
      expect(await stored(retyped)).toBe(0);

      // Written in this order on two doors, arriving the other way round: consent holds.
      const late = newCode('ticket');
      const withoutConsent = checkIn(as(door, host), late, false, 10);
      const withConsent = checkIn(as(door, host), late, true, 10);
      await push(door.token, [withConsent]);
      await give(late);
      expect((await push(door.token, [withoutConsent])).rejected).toEqual([]);
      expect(await kept()).toContain(late);
      expect((await api('DELETE', `/cafe/contacts/${late}`, organiser)).statusCode).toBe(204);
    });
  });
});

describe.each(STORE_KINDS)('the demo café on %s', (kind) => {
  // A Thursday: the café's last day was Saturday 28 November.
  const NOW = Date.UTC(2026, 11, 3, 9, 30);

  it('stores its past days once, through the push path, with the real mix of outcomes', async () => {
    const store = await openTestStore(kind);
    try {
      const { seedDemo } = await import('../../server/demo');
      await seedDemo(store.db);
      const report = await seedDemoCafe(store, { now: NOW });
      expect(report.seeded).toBe(true);
      expect(report.sessions).toBe(CAFE_SESSIONS);
      expect(report.visits).toBeGreaterThanOrEqual(10 * CAFE_SESSIONS);
      expect(report.visits).toBeLessThanOrEqual(15 * CAFE_SESSIONS);
      expect((await seedDemoCafe(store, { now: NOW + DAY_MS })).seeded).toBe(false);

      const rows = await store.db
        .selectFrom('events')
        .select('body')
        .where('site', '=', DEMO.cafe.id)
        .orderBy('seq')
        .execute();
      const events = rows.map((r) => JSON.parse(r.body) as BewaarEvent);
      expect(events).toHaveLength(report.events);
      expect(events.every((e) => validateEvent(e).ok)).toBe(true);
      const built = buildDemoCafe({ now: NOW }).map((e) => canonicalJson(e));
      expect(new Set(events.map((e) => canonicalJson(e)))).toEqual(new Set(built));

      const sessions = [
        ...new Set(events.filter((e) => e.subject.startsWith('BS')).map((e) => e.subject)),
      ].map((s) =>
        foldSession(
          s,
          events.filter((e) => e.subject === s),
        ),
      );
      expect(sessions.map((s) => s.status)).toEqual(Array(CAFE_SESSIONS).fill('closed'));
      expect(
        sessions
          .map((s) => s.date)
          .sort()
          .at(-1),
      ).toBe('2026-11-28');
      const tickets = [
        ...new Set(events.filter((e) => e.subject.startsWith('BT')).map((e) => e.subject)),
      ];
      const visits = tickets.map((t) =>
        foldVisit(
          t,
          events.filter((e) => e.subject === t),
        ),
      );
      expect(visits.every((v) => v.status === 'checked-out')).toBe(true);
      const outcomes = events.flatMap((e) => (e.type === 'visit.repaired' ? [e.data] : []));
      const statuses = new Set(outcomes.map((o) => o.status));
      expect(statuses).toEqual(new Set(['fixed', 'repairable', 'end-of-life']));
      expect(
        outcomes.filter((o) => o.status === 'end-of-life').every((o) => o.barrier !== undefined),
      ).toBe(true);
      // Dutch fault texts from the records.
      expect(outcomes.some((o) => /\b(niet|werkt|kapot)\b/i.test(o.fault))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('lets its organiser sign in with the demo password', async () => {
    const h = await startHarness(kind);
    try {
      const token = await signIn(h.app, 'organiser', 'bewaar-demo');
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/v1/cafe/contacts?site=${DEMO.cafe.id}`,
        headers: bearer(token),
      });
      expect(res.statusCode).toBe(200);
      expect(
        errorCode(
          await h.app.inject({ method: 'GET', url: '/api/v1/admin/sites', headers: bearer(token) }),
        ),
      ).toBe('forbidden');
    } finally {
      await h.close();
    }
  });
});

describe.each(STORE_KINDS)('the upgrade that brings cafés, on %s', (kind) => {
  it('keeps every site, person and what points at them, and then takes cafés and café roles', async () => {
    const store = await openTestStore(kind, { migrate: false });
    try {
      const migrator = new Migrator({ db: store.db, provider: migrationProvider(kind) });
      expect((await migrator.migrateTo('0008-sessions')).error).toBeUndefined();
      const at = '2026-01-01T00:00:00.000Z';
      await sql`insert into tenants (id, name, created_at) values ('t', 'Regio', ${at})`.execute(
        store.db,
      );
      await sql`insert into sites (id, tenant_id, name, kind, created_at, address)
        values ('p', 't', 'Park', 'park', ${at}, 'Straat 1')`.execute(store.db);
      await sql`insert into people (id, tenant_id, name, role, created_at, active)
        values ('a', 't', 'An', 'attendant', ${at}, 0)`.execute(store.db);
      await sql`insert into roster (person_id, site_id) values ('a', 'p')`.execute(store.db);
      await sql`insert into devices (id, tenant_id, site_id, name, created_at)
        values ('d', 't', 'p', 'Tablet', ${at})`.execute(store.db);

      await store.migrate();
      expect(
        await store.db
          .selectFrom('sites')
          .select(['id', 'kind', 'address', 'ords_group', 'contact_retention_days'])
          .execute(),
      ).toEqual([
        {
          id: 'p',
          kind: 'park',
          address: 'Straat 1',
          ords_group: null,
          contact_retention_days: 90,
        },
      ]);
      expect(
        await store.db.selectFrom('people').select(['id', 'role', 'active']).execute(),
      ).toEqual([{ id: 'a', role: 'attendant', active: 0 }]);
      expect(await store.db.selectFrom('roster').selectAll().execute()).toEqual([
        { person_id: 'a', site_id: 'p' },
      ]);
      await sql`insert into sites (id, tenant_id, name, kind, created_at)
        values ('c', 't', 'Café', 'cafe', ${at})`.execute(store.db);
      await sql`insert into people (id, tenant_id, name, role, created_at)
        values ('h', 't', 'Els', 'host', ${at})`.execute(store.db);
      await expect(
        sql`insert into sites (id, tenant_id, name, kind, created_at)
          values ('x', 't', 'X', 'zoo', ${at})`.execute(store.db),
      ).rejects.toThrow();
      // The foreign keys still hold after the tables were made again.
      await expect(
        sql`insert into roster (person_id, site_id) values ('a', 'nowhere')`.execute(store.db),
      ).rejects.toThrow();
    } finally {
      await store.close();
    }
  });
});
