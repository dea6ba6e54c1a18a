// A site's roster is kept for a few seconds between pushes, yet someone just added to it is never
// refused for it: a push naming a person the kept roster lacks reads it again. Both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../server/demo';
import { createPerson } from '../../server/directory';
import { code, registration, senderOf } from './events';
import { bearer, enroll, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { STORE_KINDS } from './testStore';

describe.each(STORE_KINDS)('the kept roster on %s', (kind) => {
  let h: Harness;
  let park: Enrolled;
  const push = async (actor: string, n: number) => {
    const event = registration({ ...senderOf(park), actor }, code('BW', n));
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(park.token),
      payload: { events: [event] },
    });
    return res.json<{ accepted: string[]; rejected: { code: string }[] }>();
  };

  beforeAll(async () => {
    h = await startHarness(kind);
    park = await enroll(h.app, DEMO.noord.code);
  });
  afterAll(() => h.close());

  it('takes a person added to the roster a moment ago', async () => {
    expect((await push(senderOf(park).actor, 9801)).accepted).toHaveLength(1);
    expect((await push('not-yet-on-the-roster', 9802)).rejected.map((r) => r.code)).toEqual([
      'forbidden',
    ]);
    await createPerson(h.store.db, {
      tenantId: DEMO.tenant.id,
      id: 'not-yet-on-the-roster',
      name: 'Nieuw',
      role: 'attendant',
      sites: [DEMO.noord.id],
    });
    expect((await push('not-yet-on-the-roster', 9803)).accepted).toHaveLength(1);
  });
});
