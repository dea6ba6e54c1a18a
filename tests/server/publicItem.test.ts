// The public item card, no token: only for items for sale or sold, nothing personal in it, and
// one identical 404 for every other code. Both stores.
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
    const registered = (subject: string) =>
      event(p, 'item.registered', subject, {
        category: 14,
        brand: 'Philips',
        condition: 'works',
        complete: true,
        weightKg: 1.2,
        weighed: true,
        photos: ['a'.repeat(64)],
        note: 'Gegeven door mevrouw Janssens',
      });
    await push(park.token, [registered(FOR_SALE), registered(SOLD), registered(IN_REPAIR)]);
    const bench = (subject: string) => [
      event(s, 'item.received', subject, {}),
      event(s, 'item.inspected', subject, { visual: 'ok', complete: true, note: 'Kalk' }),
      event(s, 'item.safety-tested', subject, { result: 'pass', method: 'PAT class I' }),
      event(s, 'item.repaired', subject, {
        fault: 'Schakelaar defect',
        action: 'Schakelaar vervangen',
        parts: [{ name: 'schakelaar', costEur: 2.5 }],
        minutes: 30,
        worker: 'W-0042',
      }),
    ];
    await push(shop.token, [
      ...bench(FOR_SALE),
      event(s, 'item.priced', FOR_SALE, { priceEur: 15, warrantyMonths: 3 }),
      ...bench(SOLD),
      event(s, 'item.priced', SOLD, { priceEur: 12, warrantyMonths: 3 }),
      event(s, 'item.sold', SOLD, { priceEur: 12 }),
      event(s, 'item.received', IN_REPAIR, {}),
      event(s, 'item.inspected', IN_REPAIR, { visual: 'ok', complete: true }),
    ]);
  });
  afterAll(() => h.close());

  it('shows an item for sale, without a token, and nothing personal', async () => {
    const res = await card(formatCode(FOR_SALE).toLowerCase());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ since: string }>();
    expect(body).toEqual({
      code: FOR_SALE,
      category: 14,
      categoryName: { nl: 'Waterkoker', fr: 'Bouilloire', en: 'Kettle' },
      park: 'Recyclagepark Noord',
      repaired: ['Schakelaar vervangen'],
      since: body.since,
      status: 'for-sale',
    });
    expect(body.since).toMatch(/^\d{4}-\d\d-\d\d$/);
    for (const secret of [
      ...park.people.map((person) => person.id),
      ...shop.people.map((person) => person.id),
      park.device.id,
      shop.device.id,
      'Janssens',
      'Kalk',
      'W-0042',
      'a'.repeat(64),
      'Philips',
      'priceEur',
    ]) {
      expect(res.body).not.toContain(secret);
    }
  });

  it('shows a sold item as sold', async () => {
    const res = await card(SOLD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: SOLD,
      status: 'sold',
      repaired: ['Schakelaar vervangen'],
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
