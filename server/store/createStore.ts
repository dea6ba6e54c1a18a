// Opens the server's store: one SQLite file (WAL) under the data folder, or PostgreSQL when a
// postgres:// URL is given. Both behind the same Kysely schema, migrated in code.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, sql } from 'kysely';
import type {
  DialectAdapter,
  PostgresCursor,
  PostgresPool,
  PostgresPoolClient,
  PostgresQueryResult,
  SqliteDatabase,
  Transaction,
} from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import type { StoreKind } from './migrations';
import type { Schema } from './schema';

export type { StoreKind } from './migrations';

export type StoreConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Store {
  db: Kysely<Schema>;
  kind: StoreKind;
  /** Brings the schema up to date; safe to call on every start. */
  migrate: () => Promise<void>;
  /** Runs fn in one transaction that no other writer of this tenant runs alongside. */
  withTenantLock: <T>(tenant: string, fn: (trx: Transaction<Schema>) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
}

/** Kysely runs migrations in a transaction only where its adapter says DDL is transactional, and
 * its SQLite adapter says no, though SQLite's DDL is. With this one the migrations of a start
 * commit together or not at all, as on PostgreSQL: an upgrade that fails leaves the store as it
 * was, and the server refuses to start on it rather than on a half-changed schema. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class StoreSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** Distinct statements named per server, and the longest one named (a long `in (…)` list is rare
 * and each length is a statement of its own). */
const NAMED_STATEMENTS = 1000;
const NAMED_TEXT_MAX = 4000;
/** Only plain queries are named: not DDL (migrations), not `begin`/`commit`, and not `*`
 * selects, whose prepared result would no longer fit once a migration adds a column (PostgreSQL
 * then refuses to run it: "cached plan must not change result type"). */
const NAMEABLE = /^\s*(select|insert|update|delete|with)\b/i;

/** A pool whose connections run Kysely's queries as named (prepared) statements. Kysely sends
 * each query unnamed, so PostgreSQL parsed and planned it anew every time. Measured with
 * bench/serverOpCost.ts (the real app through inject, on an embedded PostgreSQL, two runs each),
 * PostgreSQL's CPU per request went from 0.5–0.7 ms to 0.1 ms for a pull with nothing new (token
 * look-up and pull page), from 0.7–0.9 to 0.25–0.3 ms for a pull of ~75 events, and from 2.7–2.9
 * to 1.1–1.8 ms for a push of 2 events. Each connection prepares a statement the first time it
 * runs it; the names are this process's own. */
function preparingPool(pool: pg.Pool): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    const known = names.get(text);
    if (known !== undefined) return known;
    if (
      names.size >= NAMED_STATEMENTS ||
      text.length > NAMED_TEXT_MAX ||
      !NAMEABLE.test(text) ||
      text.includes('*')
    )
      return undefined;
    const name = `bewaar_${String(names.size)}`;
    names.set(text, name);
    return name;
  };
  const clients = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    function query<R>(
      sqlText: string,
      parameters: readonly unknown[],
    ): Promise<PostgresQueryResult<R>>;
    function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
    function query<R>(
      first: string | PostgresCursor<R>,
      parameters: readonly unknown[] = [],
    ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
      if (typeof first !== 'string') {
        // A cursor (Kysely's stream(), a pg-cursor) goes through as it came; pg runs it in place.
        client.query(first as unknown as pg.Submittable);
        return first;
      }
      const name = nameOf(first);
      const values = [...parameters];
      return (name === undefined
        ? client.query(first, values)
        : client.query({ name, text: first, values })) as unknown as Promise<
        PostgresQueryResult<R>
      >;
    }
    return {
      query,
      release: (destroy?: boolean) => {
        client.release(destroy);
      },
    };
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapped = clients.get(client);
      if (!wrapped) {
        wrapped = wrap(client);
        clients.set(client, wrapped);
      }
      return wrapped;
    },
    end: () => pool.end(),
  };
}

/** The pool of connections. PostgreSQL may end an idle one (a restart, a failover, an
 * administrator); the pool drops it and opens a new one when asked, and the server says so in
 * its log instead of stopping on an unheard error. */
function openPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  pool.on('error', (error) => {
    console.error(
      `PostgreSQL ended an idle connection (${error.message}); a new one is opened when needed.`,
    );
  });
  return pool;
}

function openDatabase(config: StoreConfig): Kysely<Schema> {
  if (config.kind === 'postgres') {
    return new Kysely<Schema>({
      dialect: new PostgresDialect({
        pool: preparingPool(openPool(config.url)),
      }),
    });
  }
  if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true });
  const sqlite = new Database(config.file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an event the server acknowledged must survive a power cut, since the device then
  // forgets it was pending.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Schema>({
    dialect: new StoreSqliteDialect({ database: keepStatements(sqlite) }),
  });
}

/** Compiled statements kept, at most this many (the server runs a few dozen distinct ones). */
const STATEMENTS = 500;

/** Kysely prepares every query it runs, and better-sqlite3 compiles a statement on each prepare:
 * a profile of the server under load spent ~4 % of its time there. The same SQL text gets the
 * statement compiled the first time. (Kysely runs one query at a time on this connection and this
 * server never streams, so a statement is never asked for while it is still running.) */
function keepStatements(sqlite: Database.Database): SqliteDatabase {
  const kept = new Map<string, Database.Statement>();
  return {
    close: () => {
      sqlite.close();
    },
    prepare(text) {
      let statement = kept.get(text);
      if (!statement) {
        statement = sqlite.prepare(text);
        if (kept.size >= STATEMENTS) kept.delete(kept.keys().next().value ?? '');
        kept.set(text, statement);
      }
      return statement;
    },
  };
}

/** Opens (but does not migrate) the store the config names. */
export function createStore(config: StoreConfig): Store {
  const db = openDatabase(config);
  const kind = config.kind;
  return {
    db,
    kind,
    async migrate() {
      // SQLite changes a constraint by making the table again (migrations.ts): the foreign keys
      // of the tables that point at it must be off meanwhile (a pragma that a transaction would
      // ignore), and are all checked before the migrations commit.
      if (kind === 'sqlite') await sql`pragma foreign_keys = off`.execute(db);
      try {
        const migrator = new Migrator({ db, provider: migrationProvider(kind) });
        const { error } = await migrator.migrateToLatest();
        if (error !== undefined) {
          throw error instanceof Error ? error : new Error('migration failed', { cause: error });
        }
      } finally {
        if (kind === 'sqlite') await sql`pragma foreign_keys = on`.execute(db);
      }
    },
    withTenantLock(tenant, fn) {
      return db.transaction().execute(async (trx) => {
        // SQLite has one writer at a time already. On PostgreSQL, seq values are drawn inside
        // this lock, so within a tenant they commit in order and a pull cursor never passes an
        // event that commits later.
        if (kind === 'postgres') {
          await sql`select pg_advisory_xact_lock(hashtext(${tenant}))`.execute(trx);
        }
        return fn(trx);
      });
    },
    close: () => db.destroy(),
  };
}

/** The store config from the environment: DATABASE_URL (postgres://) or a SQLite file. */
export function storeConfigFromEnv(env: NodeJS.ProcessEnv, dataDir: string): StoreConfig {
  const url = env.DATABASE_URL;
  if (url !== undefined && /^postgres(ql)?:\/\//.test(url)) return { kind: 'postgres', url };
  return { kind: 'sqlite', file: `${dataDir}/bewaar.sqlite` };
}
