// Backup and restore of the PostgreSQL store (DATABASE_URL) with PostgreSQL's own tools: a backup
// is a pg_dump archive (--format=custom) of one snapshot, listed by pg_restore before it gets its
// name; a restore runs pg_restore into a database that has no tables yet.
import { execFile } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import {
  BackupRefused,
  MIGRATION_TABLE,
  REQUIRED_TABLES,
  RESTORE_GAP,
  TABLES,
  describeRows,
  holdsData,
  missingTables,
  refuseUnknownMigrations,
} from './backup';
import type { BackupReport, RestoreReport, RowCounts } from './backup';

const exec = promisify(execFile);

/** What every pg_dump archive in the custom format starts with. */
const ARCHIVE_MAGIC = 'PGDMP';

function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .at(-1) ?? '(no output)'
  );
}

function field(error: unknown, name: 'code' | 'stderr'): unknown {
  return typeof error === 'object' && error !== null && name in error
    ? (error as Record<string, unknown>)[name]
    : undefined;
}

/** Runs one of PostgreSQL's client tools; its own last line of error output when it fails. */
async function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout } = await exec(tool, args, {
      env: { ...process.env, ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    if (field(error, 'code') === 'ENOENT') {
      throw new BackupRefused(
        `${tool} was not found on PATH. Install PostgreSQL's client tools (Debian: postgresql-client-<server version>), the version of the server or newer.`,
      );
    }
    const stderr = field(error, 'stderr');
    throw new Error(
      `${tool} failed: ${lastLine(typeof stderr === 'string' ? stderr : String(error))}`,
    );
  }
}

/** A tool's version, e.g. `pg_dump (PostgreSQL) 15.18 (Debian …)` → { major: 15, text: '15.18' }. */
export async function toolVersion(tool: string): Promise<{ major: number; text: string }> {
  const output = await runTool(tool, ['--version']);
  const match = /\(PostgreSQL\)\s+((\d+)[.\d]*)/.exec(output);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new Error(`${tool} --version said "${output.trim()}": not PostgreSQL's ${tool}`);
  }
  return { major: Number(match[2]), text: match[1] };
}

/** The URL for a tool's --dbname without its password, which goes in PGPASSWORD instead: a
 * command line can be read by every user of the machine. */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: password === '' ? {} : { PGPASSWORD: password } };
}

async function tablesOf(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE'`,
  );
  return result.rows.map((row) => row.name);
}

async function countRows(client: pg.Client, present: readonly string[]): Promise<RowCounts> {
  const rows: RowCounts = {};
  for (const table of TABLES) {
    if (!present.includes(table)) continue;
    const result = await client.query<{ n: number }>(`select count(*)::int as n from "${table}"`);
    rows[table] = result.rows[0]?.n ?? 0;
  }
  return rows;
}

async function serverMajor(client: pg.Client): Promise<number> {
  const result = await client.query<{ server_version_num: string }>('show server_version_num');
  return Math.floor(Number(result.rows[0]?.server_version_num ?? 0) / 10_000);
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Lists an archive with pg_restore and refuses one that does not hold Bewaar's tables. */
async function checkArchive(file: string): Promise<void> {
  let list: string;
  try {
    list = await runTool('pg_restore', ['--list', file]);
  } catch (error) {
    if (error instanceof BackupRefused) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    // A pg_restore older than the pg_dump that made the archive cannot read it either.
    throw new BackupRefused(
      `${file} cannot be read as a Bewaar backup: ${reason} (is pg_restore as new as the pg_dump that made it?)`,
    );
  }
  const withData = REQUIRED_TABLES.filter((table) =>
    new RegExp(`TABLE DATA \\S+ ${table} `).test(list),
  );
  const missing = missingTables(withData);
  if (missing.length > 0) {
    throw new BackupRefused(
      `${file} is not a Bewaar backup (it has no table ${missing.join(', ')}).`,
    );
  }
}

/** The migration names in an archive, read from its copy of Kysely's table. */
async function archiveMigrations(file: string): Promise<string[]> {
  const text = await runTool('pg_restore', [
    '--data-only',
    `--table=${MIGRATION_TABLE}`,
    '--file=-',
    file,
  ]);
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line.startsWith('COPY '));
  const end = lines.indexOf('\\.', start);
  return start < 0 || end < 0
    ? []
    : lines.slice(start + 1, end).map((line) => line.split('\t')[0] ?? '');
}

/** Writes a pg_dump archive of the store at `url` to the new file `target`. */
export async function backupPostgres(url: string, target: string): Promise<BackupReport> {
  if (existsSync(target))
    throw new BackupRefused(`${target} exists already: give a new file name.`);
  if (!existsSync(dirname(target))) {
    throw new BackupRefused(`The folder ${dirname(target)} does not exist.`);
  }
  const dump = await toolVersion('pg_dump');
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const client = await connect(url);
  try {
    const server = await serverMajor(client);
    if (dump.major < server) {
      throw new BackupRefused(
        `pg_dump ${dump.text} cannot back up PostgreSQL ${server}: pg_dump must be as new as the server or newer. Install the client tools of version ${server} (Debian: postgresql-client-${server}, from the PostgreSQL project's own apt repository where the distribution has no such version) and put them first on PATH.`,
      );
    }
    // pg_dump dumps the snapshot this transaction exports, so the counts below are those of the
    // archive, row for row, however many pushes arrive meanwhile.
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id'))
      .rows[0]?.id;
    if (snapshot === undefined) throw new Error('PostgreSQL exported no snapshot');
    const present = await tablesOf(client);
    const missing = missingTables(present);
    if (missing.length > 0) {
      throw new BackupRefused(
        `The database has no table ${missing.join(', ')}: not a Bewaar store.`,
      );
    }
    const rows = await countRows(client, present);
    const names = (await client.query<{ name: string }>(`select name from ${MIGRATION_TABLE}`))
      .rows;
    const connection = toolConnection(url);
    await runTool(
      'pg_dump',
      [
        '--format=custom',
        `--snapshot=${snapshot}`,
        `--file=${partial}`,
        `--dbname=${connection.dbname}`,
      ],
      connection.env,
    );
    await client.query('commit');
    await checkArchive(partial);
    renameSync(partial, target);
    return {
      backup: target,
      store: 'postgres',
      bytes: statSync(target).size,
      migration:
        names
          .map((row) => row.name)
          .sort()
          .at(-1) ?? '',
      rows,
    };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}

function startsAsArchive(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(ARCHIVE_MAGIC.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.toString('latin1') === ARCHIVE_MAGIC;
  } finally {
    closeSync(fd);
  }
}

/** Refuses a database that has tables: pg_restore creates Bewaar's, and must find none. */
async function refuseUsedDatabase(client: pg.Client): Promise<void> {
  const present = await tablesOf(client);
  if (present.length === 0) return;
  const rows = await countRows(client, present);
  if (holdsData(rows)) {
    throw new BackupRefused(
      `The database already holds data (${describeRows(rows)}): restore into a new, empty database. Nothing was changed.`,
    );
  }
  throw new BackupRefused(
    `The database already has tables (${present.slice(0, 5).join(', ')}${present.length > 5 ? ', …' : ''}), though no data: a server was started on it. Restore into a new, empty database (createdb). Nothing was changed.`,
  );
}

/** Restores the pg_dump archive `file` into the database at `url`, which must have no tables. */
export async function restorePostgres(file: string, url: string): Promise<RestoreReport> {
  if (!existsSync(file)) throw new BackupRefused(`${file} does not exist.`);
  if (!startsAsArchive(file)) {
    throw new BackupRefused(
      `${file} is not a Bewaar backup of a PostgreSQL store (not a pg_dump archive in the custom format).`,
    );
  }
  const client = await connect(url);
  try {
    await refuseUsedDatabase(client);
    await checkArchive(file);
    const migration = await refuseUnknownMigrations(await archiveMigrations(file));
    const connection = toolConnection(url);
    // One transaction: a restore that fails half-way leaves the database empty, not half full.
    await runTool(
      'pg_restore',
      [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        `--dbname=${connection.dbname}`,
        file,
      ],
      connection.env,
    );
    await client.query(
      `select setval(s, greatest(coalesce(pg_sequence_last_value(s::regclass), 0),
         coalesce((select max(seq) from events), 0)) + $1)
       from pg_get_serial_sequence('events', 'seq') as s`,
      [RESTORE_GAP],
    );
    return {
      restored: file,
      into: new URL(url).pathname.slice(1),
      migration,
      rows: await countRows(client, await tablesOf(client)),
      eventPositionsSkipped: RESTORE_GAP,
    };
  } finally {
    await client.end();
  }
}
