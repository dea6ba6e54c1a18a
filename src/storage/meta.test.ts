// @vitest-environment jsdom
// Meta values primed at start answer the first render of their live queries (the first screen
// needs no second render); once written, or once read live, they are never answered again.
import 'fake-indexeddb/auto';
import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openBewaarDb, useDatabase, type BewaarDexie } from './db';
import { primeMeta, updateMeta, useMeta, writeMeta } from './meta';

let db: BewaarDexie;
beforeEach(async () => {
  db = openBewaarDb(`meta-${Math.random()}`);
  useDatabase(db);
  await db.meta.put({ key: 'profile', value: 'stored' });
});
afterEach(() => {
  cleanup();
});

it('answers the first render from a primed value instead of loading', async () => {
  expect(renderHook(() => useMeta('profile')).result.current).toBeUndefined();
  cleanup();
  await primeMeta(['profile', 'person']);
  expect(renderHook(() => useMeta('profile')).result.current).toBe('stored');
  expect(renderHook(() => useMeta('person')).result.current).toBeNull();
});

it('never answers with a primed value after the key was written', async () => {
  await primeMeta(['profile']);
  await writeMeta('profile', 'new');
  const later = renderHook(() => useMeta('profile'));
  expect(later.result.current).not.toBe('stored');
  await waitFor(() => {
    expect(later.result.current).toBe('new');
  });
});

it('never answers with a primed value once the key was read live', async () => {
  await primeMeta(['profile']);
  const first = renderHook(() => useMeta('profile'));
  await waitFor(() => {
    expect(first.result.current).toBe('stored');
  });
  await db.meta.put({ key: 'profile', value: 'from another tab' });
  await waitFor(() => {
    expect(first.result.current).toBe('from another tab');
  });
  expect(renderHook(() => useMeta('profile')).result.current).not.toBe('stored');
});

it('keeps both of two changes made at once to one value', async () => {
  await db.meta.put({ key: 'profile', value: { name: 'Noord', people: [] as string[] } });
  type Profile = { name: string; people: string[] };
  await Promise.all([
    updateMeta<Profile>('profile', (p) => ({ ...p, name: 'Regio Noord' })),
    updateMeta<Profile>('profile', (p) => ({ ...p, people: ['An'] })),
    updateMeta<Profile>('absent', (p) => ({ ...p, people: ['never'] })),
  ]);
  expect((await db.meta.get('profile'))?.value).toEqual({ name: 'Regio Noord', people: ['An'] });
  expect(await db.meta.get('absent')).toBeUndefined();
});
