// On PostgreSQL the store runs Kysely's queries as named statements, so each connection parses
// and plans a query once: the same text is one prepared statement, `*` selects and DDL are not
// named, and results are what they were.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../server/store/createStore';
import { openTestStore } from './testStore';

describe('named statements on postgres', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('postgres');
    await store.db
      .insertInto('tenants')
      .values(['t-a', 't-b'].map((id) => ({ id, name: `Regio ${id}`, created_at: '2026-01-01' })))
      .execute();
  });
  afterAll(() => store.close());

  it('prepares a query once per connection and answers it as before', async () => {
    const prepared = await store.db.connection().execute(async (conn) => {
      const byId = (id: string) =>
        conn.selectFrom('tenants').select(['id', 'name']).where('id', '=', id).execute();
      expect(await byId('t-a')).toEqual([{ id: 't-a', name: 'Regio t-a' }]);
      expect(await byId('t-b')).toEqual([{ id: 't-b', name: 'Regio t-b' }]);
      expect(await byId('t-z')).toEqual([]);
      expect(await conn.selectFrom('tenants').selectAll().orderBy('id').execute()).toHaveLength(2);
      await sql`create temporary table scratch (n integer)`.execute(conn);
      const { rows } = await sql<{
        statement: string;
      }>`select statement from pg_prepared_statements`.execute(conn);
      return rows.map((r) => r.statement);
    });
    const byIdText = prepared.filter((s) => s.includes('from "tenants" where "id" = $1'));
    expect(byIdText).toHaveLength(1);
    expect(prepared.some((s) => s.includes('*'))).toBe(false);
    expect(prepared.some((s) => /^\s*create\b/i.test(s))).toBe(false);
  });

  it('keeps a failed statement from breaking the next ones on its connection', async () => {
    await expect(
      sql`select id from tenants where id = ${'t-a'} and 1 / ${0} = 1`.execute(store.db),
    ).rejects.toThrow(/division by zero/);
    const again = await sql<{
      id: string;
    }>`select id from tenants where id = ${'t-a'} and 1 / ${1} = 1`.execute(store.db);
    expect(again.rows).toEqual([{ id: 't-a' }]);
  });
});
