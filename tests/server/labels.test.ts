// Label sheets: codes are valid, never handed out twice (across batches and regions), never name a
// subject that has events, and can be fetched again to reprint. Both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCode, generateCode, parseCode } from '../../src/domain/index';
import { DEMO } from '../../server/demo';
import { reserveLabels } from '../../server/labelCodes';
import { registration, senderOf } from './events';
import { TENANT_B, bearer, enroll, errorCode, signIn, startHarness } from './harness';
import type { Harness } from './harness';
import { STORE_KINDS } from './testStore';

interface Batch {
  id: string;
  kind: 'item' | 'cage';
  count: number;
  createdAt: string;
  createdBy: string;
}

describe.each(STORE_KINDS)('label sheets on %s', (kind) => {
  let h: Harness;
  let coordinator: string;
  let coordinatorB: string;

  const call = (method: 'GET' | 'POST', url: string, token: string, payload?: unknown) =>
    h.app.inject({
      method,
      url: `/api/v1/admin${url}`,
      headers: bearer(token),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const reserve = async (body: unknown, token = coordinator) => {
    const res = await call('POST', '/labels', token, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ batch: Batch; codes: string[] }>();
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    coordinator = await signIn(h.app, DEMO.coordinator.username, DEMO.coordinator.password);
    coordinatorB = await signIn(
      h.app,
      TENANT_B.coordinator.username,
      TENANT_B.coordinator.password,
    );
  });
  afterAll(() => h.close());

  it('reserves 2 × 1000 item codes that are valid and never shared', async () => {
    const first = await reserve({ kind: 'item', count: 1000 });
    const second = await reserve({ kind: 'item', count: 1000 });
    expect(first.batch).toMatchObject({ kind: 'item', count: 1000, createdBy: 'demo-coordinator' });
    expect(new Date(first.batch.createdAt).toISOString()).toBe(first.batch.createdAt);
    expect(first.codes).toHaveLength(1000);
    expect(second.codes).toHaveLength(1000);
    const all = [...first.codes, ...second.codes];
    expect(new Set(all).size).toBe(2000);
    for (const code of all) {
      expect(parseCode(code)).toEqual({ ok: true, code, kind: 'item' });
    }
    const stored = await h.store.db
      .selectFrom('label_codes')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(2000);
  });

  it('makes cage codes for cage sheets, in another region too', async () => {
    const cages = await reserve({ kind: 'cage', count: 5 }, coordinatorB);
    expect(cages.codes).toHaveLength(5);
    for (const code of cages.codes)
      expect(parseCode(code)).toMatchObject({ ok: true, kind: 'cage' });
    expect(cages.batch.createdBy).toBe(TENANT_B.coordinator.id);
  });

  it('lists batches newest first and gives a batch or one code back for a reprint', async () => {
    const made = await reserve({ kind: 'cage', count: 3 });
    const list = await call('GET', '/labels', coordinator);
    expect(list.statusCode).toBe(200);
    const batches = list.json<{ batches: Batch[] }>().batches;
    expect(batches[0]).toEqual(made.batch);
    expect(batches.map((b) => b.createdAt)).toEqual(
      [...batches.map((b) => b.createdAt)].sort().reverse(),
    );
    expect(batches.every((b) => b.createdBy === 'demo-coordinator')).toBe(true);

    const again = await call('GET', `/labels/${made.batch.id}`, coordinator);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(made);

    const code = made.codes[1] ?? '';
    // Typed forgivingly: printed form, lower case.
    const one = await call('GET', `/labels/code/${formatCode(code).toLowerCase()}`, coordinator);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toEqual({ code, kind: 'cage', batch: made.batch });
  });

  it("keeps another region's batches and codes out of sight", async () => {
    const made = await reserve({ kind: 'item', count: 2 });
    const code = made.codes[0] ?? '';
    for (const url of [`/labels/${made.batch.id}`, `/labels/code/${code}`]) {
      const res = await call('GET', url, coordinatorB);
      expect(res.statusCode).toBe(404);
      expect(errorCode(res)).toBe('not-found');
    }
    const listB = (await call('GET', '/labels', coordinatorB)).json<{ batches: Batch[] }>();
    expect(listB.batches.some((b) => b.id === made.batch.id)).toBe(false);
    for (const url of ['/labels/no-such-batch', '/labels/code/BW', '/labels/code/not-a-code']) {
      expect((await call('GET', url, coordinator)).statusCode).toBe(404);
    }
    // A valid code that was never reserved.
    const never = generateCode('item', () => new Uint8Array(8).fill(7));
    expect((await call('GET', `/labels/code/${never}`, coordinator)).statusCode).toBe(404);
  });

  it('refuses bad sheets with 400 and stores nothing', async () => {
    const before = (await call('GET', '/labels', coordinator)).json<{ batches: Batch[] }>();
    const bad: unknown[] = [
      { kind: 'item', count: 0 },
      { kind: 'item', count: 1001 },
      { kind: 'item', count: 1e9 },
      { kind: 'item', count: -5 },
      { kind: 'item', count: 1.5 },
      { kind: 'item', count: '10' },
      { kind: 'pallet', count: 10 },
      { kind: 'item' },
      { count: 10 },
      { kind: 'item', count: 10, extra: true },
      [],
      'labels',
      null,
    ];
    for (const body of bad) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/admin/labels',
        headers: { ...bearer(coordinator), 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const after = (await call('GET', '/labels', coordinator)).json<{ batches: Batch[] }>();
    expect(after.batches).toHaveLength(before.batches.length);
  });

  it('skips a code that already has events or is reserved, and draws again', async () => {
    const park = await enroll(h.app, DEMO.noord.code);
    // Three draws in a row: payloads of all 1s, 2s, then 3s.
    const bytes = (n: number) => () => new Uint8Array(8).fill(n);
    const withEvents = generateCode('item', bytes(1));
    const reserved = generateCode('item', bytes(2));
    const fresh = generateCode('item', bytes(3));
    const push = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(park.token),
      payload: { events: [registration(senderOf(park), withEvents)] },
    });
    expect(push.json<{ accepted: string[] }>().accepted).toHaveLength(1);
    const owner = {
      tenantId: TENANT_B.tenant,
      kind: 'item' as const,
      createdBy: TENANT_B.coordinator.id,
    };
    await h.store.db
      .transaction()
      .execute((trx) => reserveLabels(trx, { ...owner, count: 1 }, bytes(2)));
    let call = 0;
    const sequence = () => new Uint8Array(8).fill(Math.min(++call, 3));
    const made = await h.store.db
      .transaction()
      .execute((trx) =>
        reserveLabels(
          trx,
          { ...owner, tenantId: 'demo', createdBy: 'demo-coordinator', count: 1 },
          sequence,
        ),
      );
    expect(made.codes).toEqual([fresh]);
    expect(made.codes).not.toContain(reserved);
  });

  it('writes an audit row for each sheet, with the coordinator as actor', async () => {
    const made = await reserve({ kind: 'item', count: 4 });
    const res = await call('GET', '/audit?limit=500', coordinator);
    const entries = res.json<{
      entries: { action: string; actor: string; target: string; details: unknown }[];
    }>().entries;
    const entry = entries.find((e) => e.target === made.batch.id);
    expect(entry).toMatchObject({
      action: 'labels.reserved',
      actor: 'demo-coordinator',
      details: { kind: 'item', count: 4 },
    });
    expect(entries.filter((e) => e.action === 'labels.reserved').length).toBeGreaterThanOrEqual(5);
  });
});
