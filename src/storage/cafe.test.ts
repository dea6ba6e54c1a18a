// Café day writes on fake-indexeddb: sessions and visits folded from the log, the session's next
// number, a contact stored with its check-in only with consent, claims that lose after a pull.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lostClaimOf } from '../domain';
import {
  checkIn,
  checkOut,
  claimVisit,
  closeSession,
  contactRefused,
  contactSent,
  contactsToSend,
  ContactMissingError,
  openSession,
  recordOutcome,
  releaseVisit,
  type CheckInData,
} from './cafe';
import { openBewaarDb, useDatabase, type BewaarDexie } from './db';
import type { Author } from './eventLog';
import { allLoggedEvents, loggedEventCount } from './log';
import { ensureProjections } from './projections';
import { applyRemoteEvents } from './remote';

const door: Author = {
  device: 'door-1',
  actor: 'host-els',
  site: 'cafe-1',
  node: '00000000000000d1',
};
const fixerA: Author = {
  device: 'phone-a',
  actor: 'fixer-1',
  site: 'cafe-1',
  node: '00000000000000a1',
};
const fixerB: Author = {
  device: 'phone-b',
  actor: 'fixer-2',
  site: 'cafe-1',
  node: '00000000000000b1',
};

// Codes must differ (nothing is asserted about them): the low bits of a small seeded generator
// repeat after a few codes.
const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
let counter = 0;
let minute = 0;
const depsOf = (db: BewaarDexie) => ({
  db,
  randomBytes,
  now: () => Date.UTC(2026, 11, 5, 9, minute),
  newId: () => `0194d7c6-0000-7000-8000-${String(++counter).padStart(12, '0')}`,
});

const kettle: CheckInData = {
  category: 14,
  problem: 'Warmt niet meer op',
  skill: 'electric',
  waiver: true,
  followUpConsent: false,
};

let db: BewaarDexie;
beforeEach(() => {
  db = openBewaarDb(`cafe-${Math.random()}`);
  useDatabase(db);
});
afterEach(async () => {
  await db.delete();
});

async function openDay(target = db) {
  return openSession(
    door,
    { date: '2026-12-05', venue: 'Parochiezaal', tables: [{ name: 'Tafel 1', skill: 'electric' }] },
    depsOf(target),
  );
}

describe('café day writes', () => {
  it('folds a session from its opening to its closing', async () => {
    const code = await openDay();
    expect(code).toMatch(/^BS/);
    expect(await db.sessions.get(code)).toMatchObject({
      status: 'open',
      date: '2026-12-05',
      site: 'cafe-1',
      tables: [{ name: 'Tafel 1', skill: 'electric' }],
    });
    await closeSession(door, code, { volunteers: 6, volunteerHours: 21 }, depsOf(db));
    expect(await db.sessions.get(code)).toMatchObject({ status: 'closed', volunteerHours: 21 });
  });

  it('gives the next number of the session on this device, per door letter', async () => {
    const session = await openDay();
    const numbers = [];
    for (let i = 0; i < 3; i++)
      numbers.push((await checkIn(door, { session, data: kettle }, depsOf(db))).label);
    const lettered = await checkIn(door, { session, door: 'B', data: kettle }, depsOf(db));
    expect([...numbers, lettered.label]).toEqual(['1', '2', '3', 'B1']);
    // Another session starts again at 1.
    const other = await openDay();
    expect((await checkIn(door, { session: other, data: kettle }, depsOf(db))).number).toBe(1);
    const visits = await db.visits.where('session').equals(session).toArray();
    expect(visits).toHaveLength(4);
    expect(visits.every((v) => v.status === 'waiting' && v.skill === 'electric')).toBe(true);
  });

  it('keeps a contact only with consent, written with the check-in, and never in the log', async () => {
    const session = await openDay();
    const withConsent = await checkIn(
      door,
      {
        session,
        data: { ...kettle, followUpConsent: true },
        contact: { firstName: ' Mia ', phone: '0470 12 34 56', email: '' },
      },
      depsOf(db),
    );
    await checkIn(
      door,
      { session, data: kettle, contact: { firstName: 'Jan', phone: '0470 00 00 00' } },
      depsOf(db),
    );
    expect(await db.cafeContacts.toArray()).toEqual([
      {
        ticket: withConsent.ticket,
        firstName: 'Mia',
        phone: '0470 12 34 56',
        queuedAt: expect.any(Number) as number,
      },
    ]);
    expect(JSON.stringify(await allLoggedEvents(db))).not.toMatch(/Mia|0470/);
    const before = await loggedEventCount(db);
    await expect(
      checkIn(
        door,
        { session, data: { ...kettle, followUpConsent: true }, contact: { firstName: 'Ann' } },
        depsOf(db),
      ),
    ).rejects.toBeInstanceOf(ContactMissingError);
    expect(await loggedEventCount(db)).toBe(before);

    expect((await contactsToSend(db)).map((c) => c.ticket)).toEqual([withConsent.ticket]);
    await contactRefused(db, withConsent.ticket, { code: 'invalid', message: 'bad phone' });
    expect(await contactsToSend(db)).toEqual([]);
    expect(await db.cafeContacts.count()).toBe(1);
    await contactSent(db, withConsent.ticket);
    expect(await db.cafeContacts.count()).toBe(0);
  });

  it('takes a visit through claim, release, outcome and check-out', async () => {
    const session = await openDay();
    const { ticket } = await checkIn(door, { session, data: kettle }, depsOf(db));
    await claimVisit(fixerA, ticket, 'Tafel 1', depsOf(db));
    expect(await db.visits.get(ticket)).toMatchObject({
      status: 'at-table',
      claim: { table: 'Tafel 1' },
    });
    await releaseVisit(fixerA, ticket, '  ', depsOf(db));
    expect((await db.visits.get(ticket))?.status).toBe('waiting');
    await claimVisit(fixerA, ticket, 'Tafel 1', depsOf(db));
    await recordOutcome(
      fixerA,
      ticket,
      { status: 'fixed', fault: 'Thermostaat', minutes: 15, fixer: 'F-01' },
      depsOf(db),
    );
    expect((await db.visits.get(ticket))?.status).toBe('done');
    await checkOut(door, ticket, 1.2, depsOf(db));
    expect(await db.visits.get(ticket)).toMatchObject({ status: 'checked-out', weightKg: 1.2 });
  });

  it('tells the later of two offline claims that it lost, once the other arrives', async () => {
    const session = await openDay();
    const { ticket } = await checkIn(door, { session, data: kettle }, depsOf(db));
    // Phone B copies the door's log (as a sync would) and both claim the visit offline.
    const phoneB = openBewaarDb(`cafe-b-${Math.random()}`);
    try {
      const doorEvents = await allLoggedEvents(db);
      await applyRemoteEvents(phoneB, doorEvents, 'c1', { node: fixerB.node, now: Date.now() });
      minute = 1;
      const early = await claimVisit(fixerA, ticket, 'Tafel 1', depsOf(db));
      minute = 2;
      const late = await claimVisit(fixerB, ticket, 'Tafel 2', depsOf(phoneB));
      expect((await phoneB.visits.get(ticket))?.claim?.table).toBe('Tafel 2');
      await applyRemoteEvents(phoneB, [early], 'c2', { node: fixerB.node, now: Date.now() });
      const seen = await phoneB.visits.get(ticket);
      expect(seen?.claim?.table).toBe('Tafel 1');
      expect(seen && lostClaimOf(seen, late.id)).toMatchObject({ heldBy: 'Tafel 1' });
    } finally {
      minute = 0;
      await phoneB.delete();
    }
  });

  it('rebuilds sessions and visits from the log', async () => {
    const session = await openDay();
    await checkIn(door, { session, data: kettle }, depsOf(db));
    await db.visits.clear();
    await db.sessions.clear();
    await db.meta.delete('projectionVersion');
    await ensureProjections(db);
    expect(await db.sessions.count()).toBe(1);
    expect(await db.visits.count()).toBe(1);
  });
});
