// The door's contacts in a sync round against the real server: sent after the events and dropped
// once the server has them; one the server refuses is kept and not sent again; a server without
// the contacts route (an older release) keeps them for later without failing the round.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { seedDemo } from '../../server/demo';
import { createStore, type Store } from '../../server/store/createStore';
import {
  checkIn,
  LAST_SYNC,
  openBewaarDb,
  openSession,
  type Author,
  type BewaarDexie,
} from '../../src/storage';
import { createApi, type Fetch } from '../../src/sync/api';
import { syncOnce } from '../../src/sync/engine';
import { NO_FAULTS, simulatedFetch } from './network';

let store: Store;
let app: FastifyInstance;
let db: BewaarDexie;

beforeEach(async () => {
  store = createStore({ kind: 'sqlite', file: ':memory:' });
  await store.migrate();
  await seedDemo(store.db);
  app = await buildApp({ store, demo: true, rateLimit: { max: 1000 } });
  db = openBewaarDb(`contacts-${Math.random()}`);
});
afterEach(async () => {
  await app.close();
  await store.close();
  await db.delete();
});

const realServer = () =>
  simulatedFetch(
    () => app,
    () => NO_FAULTS,
  );

/** Enrolls a device with `code`, acting as its host (else its first person), and checks two
 * visitors in with consent to follow-up. */
async function deviceWithContacts(fetch: Fetch, code: string) {
  const enrollment = await createApi({ fetch }).enroll(code, 'door test');
  const api = createApi({ fetch, token: enrollment.token });
  const person = enrollment.people.find((p) => p.role === 'host') ?? enrollment.people[0] ?? null;
  const author: Author = {
    device: enrollment.device.id,
    actor: person?.id ?? '',
    site: enrollment.site.id,
    node: '00000000000000c2',
  };
  const deps = { db, now: Date.now, newId: () => crypto.randomUUID() };
  const session = await openSession(
    author,
    { date: '2026-12-05', tables: [{ name: 'Tafel 1', skill: 'electric' }] },
    deps,
  );
  const tickets = [];
  for (const firstName of ['Mia', 'Jan']) {
    const { ticket } = await checkIn(
      author,
      {
        session,
        data: {
          category: 14,
          problem: 'Warmt niet op',
          skill: 'electric',
          waiver: true,
          followUpConsent: true,
        },
        contact: { firstName, email: `${firstName.toLowerCase()}@example.org` },
      },
      deps,
    );
    tickets.push(ticket);
  }
  return { api, author, tickets };
}

describe('contacts in the sync round', () => {
  it('sends them after the check-ins and keeps no copy once the server has them', async () => {
    const { api, author } = await deviceWithContacts(realServer(), 'DEMO-CAFE');
    const report = await syncOnce({ db, api, node: author.node, now: Date.now });
    expect(report.pushed).toBe(3);
    expect(report.contacts).toBe(2);
    expect(await db.cafeContacts.count()).toBe(0);
  });

  it('keeps a contact the server refuses, with its reason, and does not send it again', async () => {
    // A park's tablet is no café door: the server refuses its contacts (and its café events).
    const posted: string[] = [];
    const inner = realServer();
    const fetch: Fetch = async (input, init) => {
      if (input.endsWith('/api/v1/cafe/contacts')) posted.push(input);
      return inner(input, init);
    };
    const { api, author, tickets } = await deviceWithContacts(fetch, 'DEMO-NOORD');
    const report = await syncOnce({ db, api, node: author.node, now: Date.now });
    expect(report.contacts).toBe(0);
    const kept = await db.cafeContacts.toArray();
    expect(kept.map((c) => c.ticket).sort()).toEqual([...tickets].sort());
    expect(kept.every((c) => c.refused?.code === 'forbidden')).toBe(true);
    expect(posted).toHaveLength(2);
    await syncOnce({ db, api, node: author.node, now: Date.now });
    expect(posted).toHaveLength(2);
  });

  it('keeps them for later when the server has no contacts route; the round still pulls', async () => {
    const inner = realServer();
    // An older server: the route answers 404 as any unknown path does.
    const fetch: Fetch = async (input, init) =>
      input.endsWith('/api/v1/cafe/contacts')
        ? Response.json({ error: { code: 'not-found', message: 'Not found' } }, { status: 404 })
        : inner(input, init);
    const { api, author } = await deviceWithContacts(fetch, 'DEMO-CAFE');
    const report = await syncOnce({ db, api, node: author.node, now: Date.now });
    expect(report.contacts).toBe(0);
    expect((await db.meta.get(LAST_SYNC))?.value).toEqual(expect.any(Number));
    const kept = await db.cafeContacts.toArray();
    expect(kept).toHaveLength(2);
    expect(kept.every((c) => c.refused === undefined)).toBe(true);
  });
});
