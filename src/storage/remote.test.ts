// Pulled events: stored once, the cursor saved with them, and events of a newer release kept.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatHlc, generateCode } from '../domain';
import { openBewaarDb, type BewaarDexie } from './db';
import { allLoggedEvents, loggedEventCount } from './log';
import { applyRemoteEvents, checkPulled, PULL_CURSOR } from './remote';

let seed = 7;
const bytes = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 31 + 17) % 256));
let db: BewaarDexie;
beforeEach(() => {
  db = openBewaarDb(`remote-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

function registered(code: string, n: number, extra: Record<string, unknown> = {}) {
  return {
    id: `0194d7c6-0000-7000-8000-${String(n).padStart(12, '0')}`,
    type: 'item.registered',
    subject: code,
    hlc: formatHlc(Date.UTC(2026, 10, 27, 9, n), 0, '00000000000000bb'),
    device: 'dev-2',
    actor: 'p-2',
    site: 'park-2',
    data: {
      category: 7,
      condition: 'works',
      complete: true,
      weightKg: 3.9,
      weighed: false,
      photos: [],
      ...extra,
    },
  };
}

describe('applyRemoteEvents', () => {
  it('stores each event once, saves the cursor and folds the item', async () => {
    const code = generateCode('item', bytes);
    const event = registered(code, 1);
    const first = await applyRemoteEvents(db, [event, event], '5', {
      node: '00000000000000aa',
      now: 0,
    });
    const again = await applyRemoteEvents(db, [event], '6', { node: '00000000000000aa', now: 0 });
    expect(first.added).toBe(1);
    expect(again.added).toBe(0);
    expect(await loggedEventCount(db)).toBe(1);
    expect((await db.meta.get(PULL_CURSOR))?.value).toBe('6');
    expect((await db.items.get(code))?.category).toBe(7);
    expect(await db.outbox.count()).toBe(0);
  });

  it('adds only the events it lacks when a page overlaps what it holds, in any id order', async () => {
    const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    const codes = [1, 2, 3, 4, 5, 6].map(() => generateCode('item', random));
    const events = codes.map((code, i) => registered(code, i + 10));
    const node = { node: '00000000000000aa', now: 0 };
    // Held already: the page's lowest id, one in the middle and its highest id.
    await applyRemoteEvents(db, [events[0], events[3], events[5]], '1', node);
    const page = [events[5], events[2], events[0], events[4], events[1], events[3], events[2]];
    const applied = await applyRemoteEvents(db, page, '2', node);
    expect(applied.added).toBe(3);
    expect((await allLoggedEvents(db)).map((e) => e.id).sort()).toEqual(
      events.map((e) => e.id).sort(),
    );
    expect(await db.items.count()).toBe(6);
  });

  it('keeps an event of a newer release (unknown field or type) and drops non-events', async () => {
    const code = generateCode('item', bytes);
    const newer = registered(code, 2, { colour: 'rood' });
    const unknownType = { ...registered(code, 3), type: 'item.refurbished', data: { grade: 'A' } };
    const result = await applyRemoteEvents(db, [newer, unknownType, { nonsense: true }, 42], '9', {
      node: '00000000000000aa',
      now: 0,
    });
    expect(result).toEqual({ added: 2, invalid: 2 });
    expect((await db.items.get(code))?.category).toBe(7);
  });

  it('stores a page checked beforehand (as the sync engine does) as it stores the page itself', async () => {
    const code = generateCode('item', bytes);
    const page = [registered(code, 6), { nonsense: true }];
    const checked = checkPulled(page);
    expect(checked.valid.map((e) => e.subject)).toEqual([code]);
    expect(checked.invalid).toBe(1);
    // Checking wrote nothing.
    expect(await loggedEventCount(db)).toBe(0);
    const result = await applyRemoteEvents(db, checked, '7', { node: '00000000000000aa', now: 0 });
    expect(result).toEqual({ added: 1, invalid: 1 });
    expect((await db.items.get(code))?.category).toBe(7);
    expect((await db.meta.get(PULL_CURSOR))?.value).toBe('7');
  });

  it('keeps pulling when a stored event cannot be folded', async () => {
    const code = generateCode('item', bytes);
    // Known type, data this release cannot read (photos is not a list): stored, not folded.
    const odd = { ...registered(code, 4), data: { category: 7, photos: { a: 1 }, weightKg: 2 } };
    const later = registered(
      generateCode('item', (n) => crypto.getRandomValues(new Uint8Array(n))),
      5,
    );
    expect(later.subject).not.toBe(code);
    const result = await applyRemoteEvents(db, [odd, later], '12', {
      node: '00000000000000aa',
      now: 0,
    });
    expect(result.added).toBe(2);
    expect((await db.meta.get(PULL_CURSOR))?.value).toBe('12');
    expect((await db.items.get(later.subject))?.category).toBe(7);
  });
});
