// The cage a new item goes into is read when the item is saved, from the device's own store.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCode } from '../../domain';
import { openBewaarDb, useDatabase, type Author, type BewaarDexie } from '../../storage';
import { registerIntoSelectedCage } from '../intake/itemActions';
import { closeCage, openOrSelectCage, openSelectedCage } from './cageActions';

const author: Author = {
  device: 'dev-1',
  actor: 'person-1',
  site: 'park-1',
  node: '00000000000000aa',
};
let seed = 7;
const bytes = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 73 + 41) % 256));

let db: BewaarDexie;
beforeEach(() => {
  db = openBewaarDb(`cage-${Math.random()}`);
  useDatabase(db);
});
afterEach(async () => {
  await db.delete();
});

describe('openSelectedCage', () => {
  it('is none before a cage is scanned, the cage while it is open, none once it is closed', async () => {
    expect(await openSelectedCage()).toBeNull();
    const cage = generateCode('cage', bytes);
    expect(await openOrSelectCage(author, cage)).toBe('opened');
    expect(await openSelectedCage()).toBe(cage);
    await closeCage(author, cage, 3, 0);
    expect(await openSelectedCage()).toBeNull();
  });
});

describe('registerIntoSelectedCage', () => {
  const data = {
    category: 14,
    condition: 'works' as const,
    complete: true,
    weightKg: 1,
    weighed: false,
    photos: [],
  };

  it('cages the item in the selected cage while it is open, in no cage once it is closed', async () => {
    const cage = generateCode('cage', bytes);
    const first = generateCode('item', bytes);
    const second = generateCode('item', bytes);
    await openOrSelectCage(author, cage);
    expect((await registerIntoSelectedCage(author, first, data)).map((e) => e.type)).toEqual([
      'item.registered',
      'item.caged',
    ]);
    expect(await db.items.get(first)).toMatchObject({ status: 'caged', cage });
    await closeCage(author, cage, 1, 1);
    expect((await registerIntoSelectedCage(author, second, data)).map((e) => e.type)).toEqual([
      'item.registered',
    ]);
    expect(await db.items.get(second)).toMatchObject({ status: 'registered', cage: null });
  });
});
