// The brands offered by the new-item form: each brand on the device once, whatever the number of
// its items, read through the real write path on fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { generateCode } from '../domain';
import { openBewaarDb, useDatabase, type BewaarDexie } from './db';
import { recordEvents, type Author, type EventDraft } from './eventLog';
import { knownBrands } from './queries';

const author: Author = {
  device: 'dev-1',
  actor: 'person-1',
  site: 'park-1',
  node: '00000000000000aa',
};
const bytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));
let counter = 0;
const deps = {
  now: () => Date.UTC(2026, 11, 3, 10, 0, 0),
  newId: () => `0194d7c6-0000-7000-8000-${String(++counter).padStart(12, '0')}`,
};

const registered = (brand?: string): EventDraft => ({
  type: 'item.registered',
  subject: generateCode('item', bytes),
  data: {
    category: 14,
    condition: 'works',
    complete: true,
    weightKg: 1,
    weighed: false,
    photos: [],
    ...(brand === undefined ? {} : { brand }),
  },
});

let db: BewaarDexie;
beforeEach(() => {
  db = openBewaarDb(`brands-${Math.random()}`);
  useDatabase(db);
});
afterEach(async () => {
  await db.delete();
});

it('lists each brand once, in index order, however many items carry it', async () => {
  expect(await knownBrands(db)).toEqual([]);
  const drafts = [
    ...Array.from({ length: 30 }, () => registered('Philips')),
    ...Array.from({ length: 5 }, () => registered('Bosch')),
    registered('Philips Senseo'),
    registered('philips'),
    registered(),
    registered('Tefal'),
    ...Array.from({ length: 12 }, () => registered('Bosch')),
  ];
  await recordEvents(author, drafts, deps);
  expect(await db.items.count()).toBe(drafts.length);
  expect(await knownBrands(db)).toEqual(['Bosch', 'Philips', 'Philips Senseo', 'Tefal', 'philips']);
});

it('gives the same list as reading every unique key of the brand index', async () => {
  await recordEvents(
    author,
    ['Miele', 'AEG', 'Miele', 'Zanussi', 'AEG', 'AEG', 'Miele\u0000x', 'Miele '].map(registered),
    deps,
  );
  expect(await knownBrands(db)).toEqual(await db.items.orderBy('brand').uniqueKeys());
});
