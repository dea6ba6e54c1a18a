// Queries compiled once per database, their arguments bound at each run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/createStore';
import { prepared } from '../../server/store/prepared';
import { openTestStore, STORE_KINDS } from './testStore';

describe.each(STORE_KINDS)('prepared queries on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(kind);
    await store.db
      .insertInto('tenants')
      .values(
        ['t-a', 't-b', 't-c'].map((id) => ({ id, name: `Regio ${id}`, created_at: '2026-01-01' })),
      )
      .execute();
  });
  afterAll(() => store.close());

  it('builds a query once and binds new arguments each run', async () => {
    let builds = 0;
    const tenants = prepared(2, (db, first: string, limit: number) => {
      builds += 1;
      return db
        .selectFrom('tenants')
        .select('id')
        .where('id', '>=', first)
        .orderBy('id')
        .limit(limit);
    });
    expect((await tenants(store.db, 't-a', 2)).map((r) => r.id)).toEqual(['t-a', 't-b']);
    expect((await tenants(store.db, 't-b', 5)).map((r) => r.id)).toEqual(['t-b', 't-c']);
    expect((await tenants(store.db, 't-z', 5)).map((r) => r.id)).toEqual([]);
    expect(builds).toBe(1);
  });

  it('refuses a query with a value that is not one of its arguments', async () => {
    const fixed = prepared(1, (db, id: string) =>
      db.selectFrom('tenants').select('id').where('id', '=', id).where('name', '=', 'Regio t-a'),
    );
    await expect(fixed(store.db, 't-a')).rejects.toThrow(/fixed parameter/);
  });
});
