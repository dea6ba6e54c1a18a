// The workshop's rules refused at the server, pushed directly (not through the app), with the
// reason a person can act on; and who may write the custody events. On both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, enroll, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { code, event, registration, senderOf } from './events';
import type { Sender } from './events';
import { STORE_KINDS } from './testStore';

interface PushBody {
  accepted: string[];
  duplicate: string[];
  rejected: { id: string; code: string; message: string }[];
}

const FAN = 7; // mains powered, holds no data
const LAPTOP = 16; // data bearing, and its adapter plugs into the wall

describe.each(STORE_KINDS)('workshop rules on %s', (kind) => {
  let h: Harness;
  let park: Enrolled;
  let shop: Enrolled;
  let parkSender: Sender;
  let shopSender: Sender;
  let n = 0;
  const newItem = () => code('BW', 5000 + (n += 1));

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
  const safety = (subject: string, result: 'pass' | 'fail') =>
    event(shopSender, 'item.safety-tested', subject, { result, method: 'PAT klasse I' });
  const priced = (subject: string) =>
    event(shopSender, 'item.priced', subject, { priceEur: 15, warrantyMonths: 12 });
  const sold = (subject: string) => event(shopSender, 'item.sold', subject, { priceEur: 15 });

  beforeAll(async () => {
    h = await startHarness(kind);
    park = await enroll(h.app, 'DEMO-NOORD');
    shop = await enroll(h.app, 'DEMO-WINKEL');
    parkSender = senderOf(park);
    shopSender = senderOf(shop);
  });
  afterAll(async () => {
    await h.close();
  });

  it('refuses pricing a mains appliance without a passed safety test, and after a failed one', async () => {
    const fan = newItem();
    await push(park.token, [registration(parkSender, fan, FAN)]);
    const first = priced(fan);
    const untested = await push(shop.token, [first]);
    expect(untested.rejected).toEqual([
      {
        id: first.id,
        code: 'rule',
        message: 'The item may not be priced yet: safety-test-required.',
      },
    ]);
    const failed = await push(shop.token, [safety(fan, 'fail'), priced(fan)]);
    expect(failed.accepted).toHaveLength(1);
    expect(failed.rejected.map((r) => r.message)).toEqual([
      'The item may not be priced yet: safety-test-required.',
    ]);
    const passed = await push(shop.token, [safety(fan, 'pass'), priced(fan), sold(fan)]);
    expect(passed.rejected).toEqual([]);
    expect(passed.accepted).toHaveLength(3);
  });

  it('names every missing step at once for a laptop with neither test nor wipe', async () => {
    const laptop = newItem();
    await push(park.token, [registration(parkSender, laptop, LAPTOP)]);
    const result = await push(shop.token, [sold(laptop)]);
    expect(result.rejected[0]?.message).toBe(
      'The item may not be sold yet: data-wipe-required, safety-test-required.',
    );
    // An unverified wipe is no wipe.
    const unverified = event(shopSender, 'item.data-wiped', laptop, {
      method: 'clear',
      tool: 'Fabrieksreset',
      verified: false,
    });
    const again = await push(shop.token, [unverified, safety(laptop, 'pass'), priced(laptop)]);
    expect(again.rejected.map((r) => r.message)).toEqual([
      'The item may not be priced yet: data-wipe-required.',
    ]);
  });

  it('refuses selling a rejected item, a second sale, and a sale of an unknown item', async () => {
    const fan = newItem();
    await push(park.token, [registration(parkSender, fan, FAN)]);
    const rejected = event(shopSender, 'item.rejected', fan, {
      reason: 1,
      destination: 'recycling',
    });
    const sale = sold(fan);
    const refused = await push(shop.token, [safety(fan, 'pass'), rejected, sale]);
    expect(refused.rejected).toEqual([
      { id: sale.id, code: 'rule', message: 'The item may not be sold yet: rejected.' },
    ]);
    // Priced again (a re-assessment supersedes the rejection), sold once, then not twice.
    const ok = await push(shop.token, [priced(fan), sold(fan)]);
    expect(ok.rejected).toEqual([]);
    const twice = await push(shop.token, [sold(fan)]);
    expect(twice.rejected[0]?.message).toBe('The item may not be sold yet: already-sold.');
    const unknown = await push(shop.token, [sold(newItem())]);
    expect(unknown.rejected[0]?.message).toBe('The item may not be sold yet: not-registered.');
  });

  it('lets the shop, not the park, take over, receive and unpack a cage', async () => {
    const cage = code('BK', 5000 + (n += 1));
    const item = newItem();
    const parkSide = [
      event(parkSender, 'cage.opened', cage, {}),
      registration(parkSender, item, FAN),
      event(parkSender, 'item.caged', item, { cage }),
      event(parkSender, 'cage.closed', cage, { count: 1 }),
    ];
    expect((await push(park.token, parkSide)).accepted).toHaveLength(4);
    const parkTries = [
      event(parkSender, 'cage.collected', cage, {}),
      event(parkSender, 'cage.unpacked', cage, {}),
      event(parkSender, 'item.received', item, { cage }),
    ];
    const refused = await push(park.token, parkTries);
    expect(refused.rejected.map((r) => r.message)).toEqual([
      "An attendant's device may not write cage.collected.",
      "An attendant's device may not write cage.unpacked.",
      "An attendant's device may not write item.received.",
    ]);
    const shopSide = [
      event(shopSender, 'cage.collected', cage, {}),
      event(shopSender, 'cage.received', cage, {}),
      event(shopSender, 'item.received', item, { cage }),
      event(shopSender, 'cage.unpacked', cage, {}),
    ];
    expect((await push(shop.token, shopSide)).accepted).toHaveLength(4);
  });
});
