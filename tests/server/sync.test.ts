// Push and pull: the happy path, idempotency, paging and the per-event checks, on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BewaarEvent } from '../../src/domain/index';
import { STORE_KINDS } from './testStore';
import { bearer, countEvents, enroll, errorCode, signIn, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { code, event, nextId, registration, senderOf } from './events';
import type { Sender } from './events';

interface PushBody {
  accepted: string[];
  duplicate: string[];
  rejected: { id: string; code: string; message: string }[];
}
interface PullBody {
  events: BewaarEvent[];
  cursor: string;
  more: boolean;
  remaining?: number;
}

describe.each(STORE_KINDS)('push and pull on %s', (kind) => {
  let h: Harness;
  let park: Enrolled;
  let shop: Enrolled;
  let parkSender: Sender;
  let shopSender: Sender;
  let item = 0;

  const push = async (token: string, events: unknown[]) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(token),
      payload: { events },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PushBody>();
  };
  const pull = (token: string, query = '') =>
    h.app.inject({ method: 'GET', url: `/api/v1/sync/pull${query}`, headers: bearer(token) });
  const pullAll = async (token: string) => {
    const events: BewaarEvent[] = [];
    let cursor: string | undefined;
    for (;;) {
      const res = await pull(token, cursor === undefined ? '' : `?after=${cursor}`);
      const body = res.json<PullBody>();
      events.push(...body.events);
      cursor = body.cursor;
      if (!body.more) return { events, cursor };
    }
  };
  const newItem = () => code('BW', 1000 + (item += 1));

  beforeAll(async () => {
    h = await startHarness(kind);
    park = await enroll(h.app, 'DEMO-NOORD');
    shop = await enroll(h.app, 'DEMO-WINKEL');
    parkSender = senderOf(park);
    shopSender = senderOf(shop);
  });
  afterAll(() => h.close());

  it('stores what a park tablet pushes and gives it back exactly, to every device of the tenant', async () => {
    const subject = newItem();
    const cage = code('BK', 1);
    const events = [
      event(parkSender, 'cage.opened', cage, {}),
      registration(parkSender, subject),
      event(parkSender, 'item.caged', subject, { cage }),
    ];
    const result = await push(park.token, events);
    expect(result).toEqual({ accepted: events.map((e) => e.id), duplicate: [], rejected: [] });
    const pulled = await pullAll(shop.token);
    expect(pulled.events).toEqual(events);
    const seen = await h.store.db
      .selectFrom('devices')
      .select('last_seen_at')
      .where('id', '=', park.device.id)
      .executeTakeFirstOrThrow();
    expect(seen.last_seen_at).not.toBeNull();
  });

  it('answers a resend with duplicate, a changed resend with conflict, and never stores twice', async () => {
    const first = registration(parkSender, newItem());
    await push(park.token, [first]);
    const before = await countEvents(h.store);
    const changed = { ...first, data: { ...first.data, weightKg: 9 } };
    const second = registration(parkSender, newItem());
    const result = await push(park.token, [
      first,
      changed,
      second,
      second,
      { ...second, hlc: first.hlc },
    ]);
    expect(result.accepted).toEqual([second.id]);
    expect(result.duplicate).toEqual([first.id, second.id]);
    expect(result.rejected.map((r) => [r.id, r.code])).toEqual([
      [first.id, 'conflict'],
      [second.id, 'conflict'],
    ]);
    expect(await countEvents(h.store)).toBe(before + 1);
  });

  it('treats key order as the same content', async () => {
    const original = registration(parkSender, newItem());
    await push(park.token, [original]);
    const reordered = Object.fromEntries(Object.entries(original).reverse());
    expect((await push(park.token, [reordered])).duplicate).toEqual([original.id]);
  });

  it('stores a full batch of 500 in its order, every character of its text intact', async () => {
    // PostgreSQL receives a batch as arrays of the envelope's columns and one JSON array of the
    // bodies: quotes, backslashes, braces and commas are what an array literal escapes, and JSON
    // text must keep escapes a string cannot hold as they are (NUL, lone surrogates).
    const awkward = [
      '"quoted"',
      'back\\slash',
      '{braces}',
      'a,b',
      'NULL',
      'ëèç €',
      '🔌 a\u2028b',
      'nul \u0000 tab \t end',
      'lone \ud800 high',
      '\udc00 lone low',
      'ends high \ud83d',
    ];
    const batch = Array.from({ length: 500 }, (_, i) => {
      const e = registration(parkSender, newItem());
      return { ...e, data: { ...e.data, brand: awkward[i % awkward.length], note: `#${i}` } };
    });
    const { cursor } = await pullAll(shop.token);
    const result = await push(park.token, batch);
    expect(result.accepted).toEqual(batch.map((e) => e.id));
    const pulled = (await pull(shop.token, `?after=${cursor}&limit=1000`)).json<PullBody>();
    expect(pulled.events).toEqual(batch);
    // Stored byte for byte as the canonical body: the resend is a duplicate, never a conflict.
    expect((await push(park.token, batch)).duplicate).toEqual(batch.map((e) => e.id));
  });

  it('pages with limit, more and cursor, and refuses a malformed cursor or limit', async () => {
    const subject = newItem();
    const batch = [
      registration(parkSender, subject),
      ...[1, 2, 3, 4].map((n) => event(parkSender, 'item.corrected', subject, { weightKg: n })),
    ];
    await push(park.token, batch);
    const all = await pullAll(shop.token);
    const total = all.events.length;
    const first = (await pull(shop.token, '?limit=2')).json<PullBody>();
    expect(first.events).toHaveLength(2);
    expect(first.more).toBe(true);
    const rest = (await pull(shop.token, `?after=${first.cursor}&limit=1000`)).json<PullBody>();
    expect(rest.events).toHaveLength(total - 2);
    expect(rest.more).toBe(false);
    expect([...first.events, ...rest.events]).toEqual(all.events);
    const empty = (await pull(shop.token, `?after=${all.cursor}`)).json<PullBody>();
    expect(empty).toEqual({ events: [], cursor: all.cursor, more: false });
    for (const query of [
      '?after=abc',
      '?after=-1',
      '?after=1.5',
      '?limit=0',
      '?limit=x',
      '?after=1&after=2',
      '?after=99999999999999999999',
    ]) {
      const res = await pull(shop.token, query);
      expect(res.statusCode, query).toBe(400);
      expect(errorCode(res)).toBe('bad-request');
    }
    const capped = (await pull(shop.token, '?limit=999999')).json<PullBody>();
    expect(capped.events.length).toBe(Math.min(total, 1000));
  });

  it('says how many events follow a page when asked (count), and only then', async () => {
    const subject = newItem();
    await push(park.token, [
      registration(parkSender, subject),
      ...[1, 2, 3].map((n) => event(parkSender, 'item.corrected', subject, { weightKg: n })),
    ]);
    const all = await pullAll(shop.token);
    const total = all.events.length;
    expect(total).toBeGreaterThanOrEqual(4);
    const first = (await pull(shop.token, '?limit=2&count=true')).json<PullBody>();
    expect(first.events).toHaveLength(2);
    expect(first.remaining).toBe(total - 2);
    // Counted from the page's cursor, wherever the pull starts.
    const next = (
      await pull(shop.token, `?after=${first.cursor}&limit=1&count=true`)
    ).json<PullBody>();
    expect(next.remaining).toBe(total - 3);
    // The last page, and an up-to-date device: nothing follows.
    const last = (
      await pull(shop.token, `?after=${first.cursor}&limit=${total}&count=true`)
    ).json<PullBody>();
    expect(last).toMatchObject({ more: false, remaining: 0 });
    const upToDate = (await pull(shop.token, `?after=${all.cursor}&count=true`)).json<PullBody>();
    expect(upToDate).toEqual({ events: [], cursor: all.cursor, more: false, remaining: 0 });
    // Not asked: the answer is as it always was.
    expect((await pull(shop.token, '?limit=2')).json<PullBody>()).not.toHaveProperty('remaining');
    expect((await pull(shop.token, '?count=false&limit=2')).json<PullBody>()).not.toHaveProperty(
      'remaining',
    );
    for (const query of ['?count=1', '?count=yes', '?count=']) {
      const res = await pull(shop.token, query);
      expect(res.statusCode, query).toBe(400);
      expect(errorCode(res)).toBe('bad-request');
    }
  });

  it("refuses an attendant's device writing item.sold, with a reason", async () => {
    const subject = newItem();
    const sold = event(parkSender, 'item.sold', subject, { priceEur: 5 });
    const result = await push(park.token, [registration(parkSender, subject), sold]);
    expect(result.accepted).toHaveLength(1);
    expect(result.rejected).toEqual([
      { id: sold.id, code: 'forbidden', message: "An attendant's device may not write item.sold." },
    ]);
  });

  it('refuses pricing a laptop without a verified data wipe (rule), and allows it after one', async () => {
    const laptop = newItem();
    await push(shop.token, [registration(shopSender, laptop, 16)]);
    const safety = event(shopSender, 'item.safety-tested', laptop, {
      result: 'pass',
      method: 'PAT class II',
    });
    const priced = event(shopSender, 'item.priced', laptop, { priceEur: 120, warrantyMonths: 6 });
    const refused = await push(shop.token, [safety, priced]);
    expect(refused.rejected.map((r) => r.code)).toEqual(['rule']);
    expect(refused.rejected[0]?.message).toContain('data-wipe-required');
    const wipe = event(shopSender, 'item.data-wiped', laptop, {
      method: 'purge',
      tool: 'nwipe',
      verified: true,
    });
    const priced2 = event(shopSender, 'item.priced', laptop, { priceEur: 120, warrantyMonths: 6 });
    const sold = event(shopSender, 'item.sold', laptop, { priceEur: 120 });
    const ok = await push(shop.token, [wipe, priced2, sold]);
    expect(ok.accepted).toEqual([wipe.id, priced2.id, sold.id]);
    // A resent sale is a duplicate, not refused as "already sold" by its own first copy.
    expect((await push(shop.token, [sold])).duplicate).toEqual([sold.id]);
  });

  it('checks the envelope against the token: device, site and roster', async () => {
    const subject = newItem();
    const cases = [
      registration({ ...parkSender, device: shop.device.id }, subject),
      registration({ ...parkSender, site: shop.site.id }, subject),
      registration({ ...parkSender, actor: shopSender.actor }, subject),
      registration({ ...parkSender, actor: 'nobody' }, subject),
    ];
    const result = await push(park.token, cases);
    expect(result.accepted).toEqual([]);
    expect(result.rejected.map((r) => r.code)).toEqual([
      'forbidden',
      'forbidden',
      'forbidden',
      'forbidden',
    ]);
  });

  it('lets the coordinator write corrections as themselves, not sales', async () => {
    const token = await signIn(h.app, 'coordinator', 'bewaar-demo');
    const subject = newItem();
    await push(park.token, [registration(parkSender, subject)]);
    const me = { device: 'office-laptop', site: park.site.id, actor: 'demo-coordinator' };
    const fix = event(me, 'item.corrected', subject, { weightKg: 2 });
    const asOther = event({ ...me, actor: parkSender.actor }, 'item.corrected', subject, {
      weightKg: 3,
    });
    const sale = event(me, 'item.sold', subject, { priceEur: 1 });
    const result = await push(token, [fix, asOther, sale]);
    expect(result.accepted).toEqual([fix.id]);
    expect(result.rejected.map((r) => r.code)).toEqual(['forbidden', 'forbidden']);
    expect(result.rejected[1]?.message).toBe('A coordinator may not write item.sold.');
  });

  it('rejects invalid and unknown-type events one by one, storing the good ones', async () => {
    const good = registration(parkSender, newItem());
    const unknownType = { ...registration(parkSender, newItem()), type: 'item.teleported' };
    const badData = { ...registration(parkSender, newItem()), data: { category: 999 } };
    const badId = { ...registration(parkSender, newItem()), id: 'NOT-A-UUID' };
    const result = await push(park.token, [unknownType, good, badData, badId]);
    expect(result.accepted).toEqual([good.id]);
    expect(result.rejected.map((r) => [r.id, r.code])).toEqual([
      [unknownType.id, 'invalid'],
      [badData.id, 'invalid'],
      ['NOT-A-UUID', 'invalid'],
    ]);
    expect(nextId()).toMatch(/^[0-9a-f-]{36}$/);
  });
});
