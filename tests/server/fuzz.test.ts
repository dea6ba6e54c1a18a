// Property-based fuzz of push bodies and pull query strings: whatever comes in, the answer is
// never a 5xx and always in the API's shape. Fixed seeds, so a failure replays. Both stores.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../../src/domain/index';
import { STORE_KINDS } from './testStore';
import { bearer, enroll, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { code, registration, senderOf } from './events';

const RUNS = 200;

describe.each(STORE_KINDS)('fuzz on %s', (kind) => {
  let h: Harness;
  let device: Enrolled;

  beforeAll(async () => {
    h = await startHarness(kind);
    device = await enroll(h.app, 'DEMO-WINKEL');
  });
  afterAll(() => h.close());

  const expectSane = (status: number, body: string) => {
    expect(status).toBeLessThan(500);
    if (status >= 400) expect(JSON.parse(body)).toHaveProperty('error.code');
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
        },
      ),
      { numRuns: RUNS, seed: 42 },
    );
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
  });
});
