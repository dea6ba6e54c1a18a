// Fresh, migrated stores for the server tests: a SQLite file in a temp folder, or a new database
// in the run's embedded PostgreSQL cluster (see tests/support/globalPostgres.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { createStore } from '../../server/store/createStore';
import type { Store, StoreKind } from '../../server/store/createStore';

export const STORE_KINDS: StoreKind[] = ['sqlite', 'postgres'];

let counter = 0;

/** A new empty store of this kind, migrated (unless told not to); close() also removes it. */
export async function openTestStore(
  kind: StoreKind,
  options: { migrate?: boolean } = {},
): Promise<Store> {
  const migrate = options.migrate ?? true;
  counter += 1;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'bewaar-sqlite-'));
    const store = createStore({ kind: 'sqlite', file: join(dir, 'bewaar.sqlite') });
    if (migrate) await store.migrate();
    const close = store.close;
    return {
      ...store,
      close: async () => {
        await close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const store = createStore({ kind: 'postgres', url: await newPostgresDatabase() });
  if (migrate) await store.migrate();
  return store;
}

/** The URL of a new empty database in the run's PostgreSQL cluster (a test that reopens its
 * store, as a restarted server does, needs the URL rather than a store). */
export async function newPostgresDatabase(): Promise<string> {
  counter += 1;
  const base = inject('postgresBaseUrl');
  if (base === '') throw new Error(`No PostgreSQL for this run: ${inject('postgresError')}`);
  const name = `t_${process.pid}_${Date.now().toString(36)}_${counter}`;
  const admin = new pg.Client({ connectionString: `${base}postgres` });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return `${base}${name}`;
}
