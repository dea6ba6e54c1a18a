// Clock stamps against the server's clock: an event stamped more than a day ahead, or before 2020,
// is refused with its own code (`clock`), so one device with a wrong clock cannot make its
// corrections win over every later one. Both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, makeEvent } from '../../src/domain/index';
import type { BewaarEvent } from '../../src/domain/index';
import { DEMO } from '../../server/demo';
import { code, nextId, registration, senderOf } from './events';
import { bearer, countEvents, enroll, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';
import { STORE_KINDS } from './testStore';

const HOUR = 60 * 60 * 1000;

describe.each(STORE_KINDS)('clock stamps on %s', (kind) => {
  let h: Harness;
  let park: Enrolled;

  const push = async (events: BewaarEvent[]) => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/sync/push',
      headers: bearer(park.token),
      payload: { events },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ accepted: string[]; rejected: { id: string; code: string }[] }>();
  };
  /** A correction of `subject` stamped at `wallMs`. */
  const correction = (subject: string, wallMs: number, brand: string) =>
    makeEvent({
      id: nextId(),
      type: 'item.corrected',
      subject,
      hlc: formatHlc(wallMs, 0, '00000000000000c1'),
      ...senderOf(park),
      data: { brand },
    });

  beforeAll(async () => {
    h = await startHarness(kind);
    park = await enroll(h.app, DEMO.noord.code);
  });
  afterAll(() => h.close());

  it('refuses stamps more than a day ahead or before 2020, and takes the rest', async () => {
    const item = code('BW', 9301);
    expect((await push([registration(senderOf(park), item)])).accepted).toHaveLength(1);
    const now = Date.now();
    const cases = [
      correction(item, now + 25 * HOUR, 'Morgen'),
      correction(item, Date.UTC(9999, 11, 31), 'Ver'),
      correction(item, Date.UTC(2019, 11, 31, 23), 'Vroeg'),
      correction(item, Date.UTC(0, 0, 1), 'Jaar nul'),
    ];
    const fine = [correction(item, now + 23 * HOUR, 'Bijna'), correction(item, now - HOUR, 'Nu')];
    const before = await countEvents(h.store);
    const answer = await push([...cases, ...fine]);
    expect(answer.rejected.map((r) => [r.id, r.code])).toEqual(cases.map((e) => [e.id, 'clock']));
    expect(answer.accepted).toEqual(fine.map((e) => e.id));
    expect(await countEvents(h.store)).toBe(before + fine.length);
  });
});
