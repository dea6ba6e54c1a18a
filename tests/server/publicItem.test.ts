// The public item card, no token: only for items for sale or sold, only the fields chosen for
// customers (never free text a technician wrote for colleagues, nothing personal), and one
// identical 404 for every other code. Both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCode } from '../../src/domain/index';
import type { BewaarEvent } from '../../src/domain/index';
import { DEMO } from '../../server/demo';
import { PUBLIC_FACTOR } from '../../server/routes/publicItem';
import { code, event, senderOf } from './events';
import { bearer, enroll, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { STORE_KINDS } from './testStore';

const FOR_SALE = code('BW', 801);
const SOLD = code('BW', 802);
const IN_REPAIR = code('BW', 803);
const LAPTOP = code('BW', 804);

// Every free text an appliance's events can carry, each one findable in the answer if it leaked.
const FREE_TEXT = {
  note: 'Gegeven door mevrouw Janssens',
  description: 'Rood, met krasje links',
  inspected: 'Kalk in de bodem',
  safetyMethod: 'PAT klasse I volgens handboek',
  instrument: 'Metrel MI 3309',
  functionNote: 'Contact gereinigd 🧽',
  fault: 'Schakelaar defect',
  action: 'Schakelaar vervangen',
  part: 'schakelaar-onderdeel',
  worker: 'W-0042',
  wipeTool: 'nwipe 0.34',
  certificate: 'WIS-2026-991',
};
const NOT_FOUND = { error: { code: 'not-found', message: 'No public information for this code.' } };

describe.each(STORE_KINDS)('public item card on %s', (kind) => {
  let h: Harness;
  let park: Enrolled;
  let shop: Enrolled;

  const card = (itemCode: string) =>
    h.app.inject({ method: 'GET', url: `/api/v1/public/items/${encodeURIComponent(itemCode)}` });
  const push = async (token: string, events: BewaarEvent[]) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(token),
      payload: { events },
    });
    expect(res.json<{ accepted: string[] }>().accepted).toHaveLength(events.length);
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    park = await enroll(h.app, DEMO.noord.code);
    shop = await enroll(h.app, DEMO.winkel.code);
    const p = senderOf(park);
    const s = senderOf(shop);
    const registered = (subject: string, category = 14) =>
      event(p, 'item.registered', subject, {
        category,
        brand: 'Philips',
        model: 'HD4646',
        description: FREE_TEXT.description,
        condition: 'works',
        complete: true,
        weightKg: 1.2,
        weighed: true,
        photos: ['a'.repeat(64)],
        note: FREE_TEXT.note,
      });
    await push(park.token, [
      registered(FOR_SALE),
      registered(SOLD),
      registered(IN_REPAIR),
      registered(LAPTOP, 16),
    ]);
    const bench = (subject: string) => [
      event(s, 'item.received', subject, {}),
      event(s, 'item.inspected', subject, {
        visual: 'ok',
        complete: true,
        note: FREE_TEXT.inspected,
      }),
      event(s, 'item.safety-tested', subject, {
        result: 'pass',
        method: FREE_TEXT.safetyMethod,
        instrument: FREE_TEXT.instrument,
        leakageMA: 0.2,
      }),
      event(s, 'item.function-tested', subject, { result: 'pass', note: FREE_TEXT.functionNote }),
      event(s, 'item.repaired', subject, {
        fault: FREE_TEXT.fault,
        action: FREE_TEXT.action,
        parts: [{ name: FREE_TEXT.part, costEur: 2.5 }],
        minutes: 30,
        worker: FREE_TEXT.worker,
      }),
    ];
    await push(shop.token, [
      ...bench(FOR_SALE),
      event(s, 'item.priced', FOR_SALE, { priceEur: 15, warrantyMonths: 3 }),
      ...bench(SOLD),
      event(s, 'item.priced', SOLD, { priceEur: 12, warrantyMonths: 6 }),
      event(s, 'item.sold', SOLD, { priceEur: 12 }),
      event(s, 'item.received', IN_REPAIR, {}),
      event(s, 'item.inspected', IN_REPAIR, { visual: 'ok', complete: true }),
      // The laptop: a function test only partly passed, a verified wipe, a failed safety test
      // retested as passed (the latest result counts).
      event(s, 'item.received', LAPTOP, {}),
      event(s, 'item.safety-tested', LAPTOP, { result: 'fail', method: FREE_TEXT.safetyMethod }),
      event(s, 'item.safety-tested', LAPTOP, { result: 'pass', method: FREE_TEXT.safetyMethod }),
      event(s, 'item.function-tested', LAPTOP, { result: 'partial', note: FREE_TEXT.functionNote }),
      event(s, 'item.data-wiped', LAPTOP, {
        method: 'purge',
        tool: FREE_TEXT.wipeTool,
        verified: true,
        certificate: FREE_TEXT.certificate,
      }),
      event(s, 'item.priced', LAPTOP, { priceEur: 120.5, warrantyMonths: 0 }),
    ]);
  });
  afterAll(() => h.close());

  it('shows an item for sale with only the fields chosen for customers, without a token', async () => {
    const res = await card(formatCode(FOR_SALE).toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ since: string }>();
    expect(body).toEqual({
      code: FOR_SALE,
      category: 14,
      categoryName: { nl: 'Waterkoker', fr: 'Bouilloire', en: 'Kettle' },
      brand: 'Philips',
      model: 'HD4646',
      tests: ['safety', 'function'],
      warrantyMonths: 3,
      priceEur: 15,
      shop: 'Kringwinkel Centrum',
      since: body.since,
      status: 'for-sale',
    });
    expect(body.since).toMatch(/^\d{4}-\d\d-\d\d$/);
  });

  it('never hands out free text, people, devices, photos or the park', async () => {
    for (const subject of [FOR_SALE, SOLD, LAPTOP]) {
      const res = await card(subject);
      expect(res.statusCode, res.body).toBe(200);
      for (const secret of [
        ...Object.values(FREE_TEXT),
        ...park.people.map((person) => person.id),
        ...shop.people.map((person) => person.id),
        ...park.people.map((person) => person.name),
        ...shop.people.map((person) => person.name),
        park.device.id,
        shop.device.id,
        'a'.repeat(64),
        'Recyclagepark Noord',
        'repaired',
        'note',
      ]) {
        expect(res.body, `${subject} leaks "${secret}"`).not.toContain(secret);
      }
    }
  });

  it('shows a sold item as sold, with its warranty and without a price', async () => {
    const res = await card(SOLD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: SOLD,
      status: 'sold',
      tests: ['safety', 'function'],
      warrantyMonths: 6,
      priceEur: null,
    });
  });

  it('lists only the tests passed by their latest result, and a verified data wipe', async () => {
    const res = await card(LAPTOP);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      category: 16,
      tests: ['safety', 'data-wipe'],
      warrantyMonths: 0,
      priceEur: 120.5,
    });
  });

  it('answers the same 404 for an item in repair, an unknown, a malformed and a cage code', async () => {
    const answers = await Promise.all(
      [
        IN_REPAIR,
        code('BW', 899),
        'BW-0000-0000-0',
        'nonsense',
        code('BK', 1),
        'x'.repeat(5000),
      ].map(card),
    );
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual(NOT_FOUND);
      expect(res.headers['content-type']).toBe(answers[0]?.headers['content-type']);
    }
    expect(new Set(answers.map((res) => res.body)).size).toBe(1);
  });

  it('is rate-limited per IP, more loosely than enrollment (customers share a shop address)', async () => {
    const limited = await startHarness(kind, { rateLimit: { max: 1 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < PUBLIC_FACTOR + 1; i += 1) {
        const res = await limited.app.inject({
          method: 'GET',
          url: `/api/v1/public/items/${FOR_SALE}`,
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([...Array<number>(PUBLIC_FACTOR).fill(404), 429]);
    } finally {
      await limited.close();
    }
  });
});
