// The cage a new item goes into is read when the item is saved, from the device's own store.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCode } from '../../domain';
import { openBewaarDb, useDatabase, type Author, type BewaarDexie } from '../../storage';
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
