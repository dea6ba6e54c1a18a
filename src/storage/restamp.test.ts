// A device whose clock was a year ahead: what it wrote stays, the server refuses it as `clock`,
// and once the clock is right the person gives those changes the right time — in the log, the
// outbox, the projections and the device's clock — and they go out in their old order.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCode, hlcWallMs, parseHlc, stampInRange, type HlcState } from '../domain';
import { openBewaarDb, useDatabase, type BewaarDexie } from './db';
import { recordEvents, type Author } from './eventLog';
import { subjectHistory } from './log';
import { markRejected, pendingEvents } from './outbox';
import { restampWrongClock, wronglyStamped } from './restamp';

const author: Author = { device: 'dev-1', actor: 'p-1', site: 'park-1', node: '00000000000000aa' };
const RIGHT = Date.UTC(2026, 11, 2, 10, 0);
const YEAR = 365 * 24 * 60 * 60 * 1000;
let seed = 7;
const bytes = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 73 + 41) % 256));
let counter = 0;
const at = (now: number) => ({
  now: () => now,
  newId: () => `0194d7c6-0000-7000-8000-${String(++counter).padStart(12, '0')}`,
});
const registration = { category: 14, condition: 'works' as const, complete: true, weightKg: 1.2 };

let db: BewaarDexie;
beforeEach(() => {
  db = openBewaarDb(`restamp-${Math.random()}`);
  useDatabase(db);
});
afterEach(async () => {
  await db.delete();
});

describe('restampWrongClock', () => {
  it('gives refused and waiting wrong stamps the right time, in their old order', async () => {
    const item = generateCode('item', bytes);
    const [registered] = await recordEvents(
      author,
      [
        {
          type: 'item.registered',
          subject: item,
          data: { ...registration, weighed: false, photos: [] },
        },
      ],
      at(RIGHT - 60_000),
    );
    // The clock jumps a year ahead: two corrections, the first refused by the server.
    const [first] = await recordEvents(
      author,
      [{ type: 'item.corrected', subject: item, data: { brand: 'Eerst' } }],
      at(RIGHT + YEAR),
    );
    const [second] = await recordEvents(
      author,
      [{ type: 'item.corrected', subject: item, data: { brand: 'Daarna' } }],
      at(RIGHT + YEAR + 1_000),
    );
    if (!registered || !first || !second) throw new Error('not recorded');
    await markRejected(db, [{ id: first.id, code: 'clock', message: 'stamped ahead' }]);
    expect((await wronglyStamped(db, RIGHT)).map((e) => e.id)).toEqual([first.id, second.id]);

    // Back to the right time: only now, and only when asked, the stamps change.
    expect(await restampWrongClock(db, author.node, RIGHT)).toBe(2);
    const history = await subjectHistory(db, item);
    expect(history.map((e) => e.id)).toEqual([registered.id, first.id, second.id]);
    for (const e of history) expect(stampInRange(e.hlc, RIGHT)).toBe(true);
    expect(hlcWallMs(history[1]?.hlc ?? '')).toBeGreaterThanOrEqual(RIGHT);
    expect(history[2]?.data).toEqual({ brand: 'Daarna' });
    // Both wait to be sent again, with their new stamps; nothing is left refused.
    const waiting = await pendingEvents(db, 10);
    expect(waiting.map((e) => [e.id, e.hlc])).toEqual(
      [registered, first, second].map((e) => [e.id, history.find((h) => h.id === e.id)?.hlc]),
    );
    expect(await db.outbox.filter((row) => row.rejected !== undefined).count()).toBe(0);
    // The projection follows the log: the later correction wins.
    expect((await db.items.get(item))?.brand).toBe('Daarna');
    // The device's clock is back: the next event sorts after them, in range.
    const clock = (await db.meta.get('hlc'))?.value as HlcState;
    expect(clock.wallMs).toBeLessThan(RIGHT + 60_000);
    const [next] = await recordEvents(
      author,
      [{ type: 'item.corrected', subject: item, data: { brand: 'Nu' } }],
      at(RIGHT + 5_000),
    );
    expect(next && next.hlc > (history[2]?.hlc ?? '')).toBe(true);
    expect(parseHlc(next?.hlc ?? '')?.wallMs).toBe(RIGHT + 5_000);
    expect(await restampWrongClock(db, author.node, RIGHT + 6_000)).toBe(0);
  });

  it('leaves a device with nothing wrongly stamped as it was', async () => {
    const item = generateCode('item', bytes);
    await recordEvents(
      author,
      [
        {
          type: 'item.registered',
          subject: item,
          data: { ...registration, weighed: true, photos: [] },
        },
      ],
      at(RIGHT),
    );
    const before = await db.meta.get('hlc');
    expect(await restampWrongClock(db, author.node, RIGHT)).toBe(0);
    expect(await db.meta.get('hlc')).toEqual(before);
  });
});
