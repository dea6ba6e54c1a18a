// Security: tokens, tenant isolation and hostile bodies. Every refusal is a 4xx in the error
// shape and leaves the event count unchanged. Both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BewaarEvent } from '../../src/domain/index';
import { STORE_KINDS } from './testStore';
import { TENANT_B, bearer, countEvents, enroll, errorCode, signIn, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { code, registration, senderOf } from './events';

describe.each(STORE_KINDS)('security on %s', (kind) => {
  let h: Harness;
  let a: Enrolled;
  let b: Enrolled;

  const pushRaw = (token: string | null, payload: string, contentType = 'application/json') =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: { 'content-type': contentType, ...(token === null ? {} : bearer(token)) },
      payload,
    });

  beforeAll(async () => {
    h = await startHarness(kind);
    a = await enroll(h.app, 'DEMO-NOORD');
    b = await enroll(h.app, TENANT_B.parkCode);
  });
  afterAll(() => h.close());

  it('refuses every sync call without a valid token', async () => {
    const event = registration(senderOf(a), code('BW', 1));
    const push = await pushRaw(null, JSON.stringify({ events: [event] }));
    expect(push.statusCode).toBe(401);
    expect(errorCode(push)).toBe('unauthorized');
    const pull = await h.app.inject({ method: 'GET', url: '/api/v1/sync/pull' });
    expect(pull.statusCode).toBe(401);
    const wrongScheme = await h.app.inject({
      method: 'GET',
      url: '/api/v1/sync/pull',
      headers: { authorization: `Basic ${a.token}` },
    });
    expect(wrongScheme.statusCode).toBe(401);
    expect(await countEvents(h.store)).toBe(0);
  });

  it("keeps tenants apart: A never sees B's events, and cannot write to B's sites", async () => {
    const bEvent = registration(senderOf(b), code('BW', 2));
    expect((await pushRaw(b.token, JSON.stringify({ events: [bEvent] }))).statusCode).toBe(200);
    const aEvent = registration(senderOf(a), code('BW', 3));
    await pushRaw(a.token, JSON.stringify({ events: [aEvent] }));
    const pulled = (
      await h.app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: bearer(a.token) })
    ).json<{
      events: BewaarEvent[];
    }>();
    expect(pulled.events.map((e) => e.id)).toEqual([aEvent.id]);

    const before = await countEvents(h.store);
    const intoB = registration({ ...senderOf(a), site: TENANT_B.park }, code('BW', 4));
    const asBPerson = registration({ ...senderOf(a), actor: TENANT_B.attendant }, code('BW', 5));
    const res = await pushRaw(a.token, JSON.stringify({ events: [intoB, asBPerson] }));
    expect(res.json<{ rejected: { code: string }[] }>().rejected.map((r) => r.code)).toEqual([
      'forbidden',
      'forbidden',
    ]);
    const coordinator = await signIn(h.app, 'coordinator', 'bewaar-demo');
    const viaPerson = registration(
      { device: 'office', site: TENANT_B.park, actor: 'demo-coordinator' },
      code('BW', 6),
    );
    const res2 = await pushRaw(coordinator, JSON.stringify({ events: [viaPerson] }));
    expect(res2.json<{ rejected: { code: string }[] }>().rejected.map((r) => r.code)).toEqual([
      'forbidden',
    ]);
    // B's id, pushed by A with A's own envelope, is a conflict, never "duplicate" (that would leak).
    const sameId = { ...registration(senderOf(a), code('BW', 2)), id: bEvent.id };
    const res3 = await pushRaw(a.token, JSON.stringify({ events: [sameId] }));
    expect(res3.json<{ rejected: { code: string }[] }>().rejected.map((r) => r.code)).toEqual([
      'conflict',
    ]);
    expect(await countEvents(h.store)).toBe(before);
  });

  it('answers hostile bodies with a clear 4xx and stores nothing', async () => {
    const good = registration(senderOf(a), code('BW', 7));
    const many = Array.from({ length: 501 }, () => good);
    const cases: [string, string, number, string][] = [
      ['malformed JSON', '{"events": [', 400, 'bad-json'],
      ['empty body', '', 400, 'bad-json'],
      ['more than 500 events', JSON.stringify({ events: many }), 400, 'bad-request'],
      ['no events', JSON.stringify({ events: [] }), 400, 'bad-request'],
      ['events is a string', JSON.stringify({ events: 'x' }), 400, 'bad-request'],
      ['body is an array', JSON.stringify([good]), 400, 'bad-request'],
      ['id is a number', JSON.stringify({ events: [{ ...good, id: 123 }] }), 400, 'bad-request'],
      [
        'data is a string',
        JSON.stringify({ events: [{ ...good, data: 'x' }] }),
        400,
        'bad-request',
      ],
      [
        'garbage type',
        JSON.stringify({ events: [{ ...good, type: "'; DROP TABLE events; --" }] }),
        400,
        'bad-request',
      ],
      [
        '100 kB string',
        JSON.stringify({
          events: [{ ...good, data: { ...good.data, note: 'x'.repeat(100_000) } }],
        }),
        400,
        'string-too-long',
      ],
      [
        '100 kB key',
        JSON.stringify({ events: [{ ...good, ['k'.repeat(100_000)]: 1 }] }),
        400,
        'string-too-long',
      ],
      [
        'over 2 MB',
        JSON.stringify({ events: [good], pad: 'x'.repeat(2_200_000) }),
        413,
        'too-large',
      ],
    ];
    for (const [label, payload, status, errCode] of cases) {
      const res = await pushRaw(a.token, payload);
      expect(res.statusCode, label).toBe(status);
      expect(errorCode(res), label).toBe(errCode);
      expect(res.body, label).not.toMatch(/at .*\.(ts|js):\d+/);
    }
    const text = await pushRaw(a.token, JSON.stringify({ events: [good] }), 'text/plain');
    expect(text.statusCode).toBe(415);
    expect(await countEvents(h.store)).toBe(2);
  });
});
