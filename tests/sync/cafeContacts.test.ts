// The door's contacts in a sync round: sent after the events, dropped once the server took them,
// kept (and not sent again) when it refuses one, kept for later when the server lacks the route.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { seedDemo } from '../../server/demo';
import { createStore, type Store } from '../../server/store/createStore';
import { checkIn, LAST_SYNC, openBewaarDb, type Author, type BewaarDexie } from '../../src/storage';
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

const SESSION = 'BS000000000';

async function deviceWithContacts(fetch: Fetch) {
  const enrollment = await createApi({ fetch }).enroll('DEMO-NOORD', 'door test');
  const api = createApi({ fetch, token: enrollment.token });
  const author: Author = {
    device: enrollment.device.id,
    actor: enrollment.people[0]?.id ?? '',
    site: enrollment.site.id,
    node: '00000000000000c2',
  };
  const deps = { db, now: Date.now, newId: () => crypto.randomUUID() };
  const tickets = [];
  for (const firstName of ['Mia', 'Jan']) {
    const { ticket } = await checkIn(
      author,
      {
        session: SESSION,
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
  it('keeps them for later when the server has no contacts route yet; the pull still runs', async () => {
    const fetch = simulatedFetch(
      () => app,
      () => NO_FAULTS,
    );
    const { api, author } = await deviceWithContacts(fetch);
    const report = await syncOnce({ db, api, node: author.node, now: Date.now });
    expect(report.contacts).toBe(0);
    // The round went on to its pull and completed.
    expect((await db.meta.get(LAST_SYNC))?.value).toEqual(expect.any(Number));
    expect(await db.cafeContacts.count()).toBe(2);
    expect((await db.cafeContacts.toArray()).every((c) => c.refused === undefined)).toBe(true);
  });

  it('drops each contact the server took and keeps a refused one without sending it again', async () => {
    // The contacts route as the shared contract describes it (the server's own lands with the
    // café sites): Jan's address is refused, Mia's taken.
    const posted: unknown[] = [];
    const inner = simulatedFetch(
      () => app,
      () => NO_FAULTS,
    );
    const fetch: Fetch = async (input, init) => {
      if (!input.endsWith('/api/v1/cafe/contacts')) return inner(input, init);
      const body = JSON.parse(init?.body as string) as { firstName: string };
      posted.push(body);
      if (body.firstName === 'Jan')
        return Response.json(
          { error: { code: 'invalid', message: 'e-mail refused' } },
          { status: 400 },
        );
      return Response.json({ ok: true });
    };
    const { api, author, tickets } = await deviceWithContacts(fetch);
    const report = await syncOnce({ db, api, node: author.node, now: Date.now });
    expect(report.contacts).toBe(1);
    expect(posted).toEqual([
      { ticket: tickets[0], firstName: 'Mia', email: 'mia@example.org' },
      { ticket: tickets[1], firstName: 'Jan', email: 'jan@example.org' },
    ]);
    expect(await db.cafeContacts.toArray()).toEqual([
      expect.objectContaining({
        ticket: tickets[1],
        refused: { code: 'invalid', message: 'e-mail refused' },
      }),
    ]);
    await syncOnce({ db, api, node: author.node, now: Date.now });
    expect(posted).toHaveLength(2);
  });
});
