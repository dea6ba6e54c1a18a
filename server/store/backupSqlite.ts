// Backup and restore of the SQLite store (`bewaar.sqlite` in BEWAAR_DATA_DIR): a backup is one
// self-contained SQLite file, copied by SQLite's online backup while the server runs and checked
// before it gets its name; a restore puts such a file back only where no data would be lost.
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  BackupRefused,
  MIGRATION_TABLE,
  RESTORE_GAP,
  TABLES,
  describeRows,
  holdsData,
  missingTables,
  refuseUnknownMigrations,
} from './backup';
import type { BackupReport, RestoreReport, RowCounts } from './backup';

const HEADER = 'SQLite format 3\0';

/** More pages than any store has: the whole copy in one backup step (see copyDatabase). */
const ALL_PAGES = 0x7fffffff;

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function startsAsSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && head.toString('latin1') === HEADER;
  } finally {
    closeSync(fd);
  }
}

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>("select name from sqlite_master where type = 'table'")
    .all()
    .map((row) => row.name);
}

function countRows(db: Database.Database): RowCounts {
  const present = tableNames(db);
  const rows: RowCounts = {};
  for (const table of TABLES) {
    if (!present.includes(table)) continue;
    rows[table] =
      db.prepare<[], { n: number }>(`select count(*) as n from "${table}"`).get()?.n ?? 0;
  }
  return rows;
}

/**
 * Copies the database in `from` to the new file `to` with SQLite's online backup. In one step:
 * SQLite starts a step-by-step backup over when another connection writes between two steps, so
 * with devices pushing all the time a page-by-page copy might never finish. One step reads one
 * snapshot, and in WAL mode the server keeps writing meanwhile.
 */
async function copyDatabase(from: Database.Database, to: string): Promise<void> {
  await from.backup(to, { progress: () => ALL_PAGES });
}

/** Checks a copy and counts its rows: SQLite's integrity check, Bewaar's tables, its migrations. */
export async function checkSqliteCopy(
  file: string,
): Promise<{ migration: string; rows: RowCounts }> {
  if (!existsSync(file)) throw new BackupRefused(`${file} does not exist.`);
  if (!startsAsSqlite(file)) {
    throw new BackupRefused(`${file} is not a Bewaar backup (not an SQLite database).`);
  }
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupRefused(`${file} cannot be opened: ${message(error)}`);
  }
  try {
    let problems: string[];
    try {
      problems = db
        .prepare<[], { integrity_check: string }>('pragma integrity_check')
        .all()
        .map((row) => row.integrity_check);
    } catch (error) {
      throw new BackupRefused(`${file} fails SQLite's integrity check: ${message(error)}`);
    }
    if (problems.join() !== 'ok') {
      throw new BackupRefused(
        `${file} fails SQLite's integrity check: ${problems.slice(0, 3).join('; ')}`,
      );
    }
    const missing = missingTables(tableNames(db));
    if (missing.length > 0) {
      throw new BackupRefused(
        `${file} is not a Bewaar backup (it has no table ${missing.join(', ')}).`,
      );
    }
    const names = db
      .prepare<[], { name: string }>(`select name from ${MIGRATION_TABLE}`)
      .all()
      .map((row) => row.name);
    return { migration: await refuseUnknownMigrations(names), rows: countRows(db) };
  } finally {
    db.close();
  }
}

/** Writes a checked copy of the store at `storeFile` to the new file `target`. */
export async function backupSqlite(storeFile: string, target: string): Promise<BackupReport> {
  if (!existsSync(storeFile)) {
    throw new BackupRefused(`There is no store at ${storeFile} (BEWAAR_DATA_DIR).`);
  }
  if (existsSync(target))
    throw new BackupRefused(`${target} exists already: give a new file name.`);
  if (!existsSync(dirname(target))) {
    throw new BackupRefused(`The folder ${dirname(target)} does not exist.`);
  }
  // Written under another name until it is checked, so a file with the backup's name is whole.
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    const source = new Database(storeFile, { fileMustExist: true, timeout: 5000 });
    try {
      await copyDatabase(source, partial);
    } finally {
      source.close();
    }
    // One file, without -wal and -shm beside it, that any SQLite opens read-only.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const checked = await checkSqliteCopy(partial);
    renameSync(partial, target);
    return {
      backup: target,
      store: 'sqlite',
      bytes: statSync(target).size,
      migration: checked.migration,
      rows: checked.rows,
    };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Refuses a store file that holds data or that a running server has open. Opened read-write and
 * closed again, so a store nobody uses is left as it was: the last connection to close removes the
 * -wal and -shm files that opening it made.
 */
function refuseUsedStore(storeFile: string): void {
  let db: Database.Database;
  try {
    db = new Database(storeFile, { fileMustExist: true, timeout: 0 });
  } catch (error) {
    throw new BackupRefused(`${storeFile} exists and cannot be opened: ${message(error)}`);
  }
  try {
    let rows: RowCounts;
    try {
      rows = countRows(db);
    } catch (error) {
      throw new BackupRefused(`${storeFile} exists and cannot be read: ${message(error)}`);
    }
    const foreign = tableNames(db).filter(
      (name) => !(TABLES as string[]).includes(name) && !/^(kysely_|sqlite_)/.test(name),
    );
    if (foreign.length > 0) {
      throw new BackupRefused(
        `${storeFile} exists and is not a Bewaar store (tables ${foreign.join(', ')}). Nothing was changed.`,
      );
    }
    if (holdsData(rows)) {
      throw new BackupRefused(
        `${storeFile} already holds data (${describeRows(rows)}): restore into an empty data folder (BEWAAR_DATA_DIR). Nothing was changed.`,
      );
    }
    // Only one connection gets an exclusive lock: a server that has the store open keeps it.
    try {
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('begin exclusive; commit');
    } catch {
      throw new BackupRefused(
        `${storeFile} is in use (is the server running?): stop it before restoring. Nothing was changed.`,
      );
    }
  } finally {
    db.close();
  }
}

/** Puts the backup `file` in place of the store at `storeFile`, which must hold no data. */
export async function restoreSqlite(file: string, storeFile: string): Promise<RestoreReport> {
  const checked = await checkSqliteCopy(file);
  const sideFiles = [`${storeFile}-wal`, `${storeFile}-shm`];
  if (existsSync(storeFile)) refuseUsedStore(storeFile);
  else if (sideFiles.some((side) => existsSync(side))) {
    throw new BackupRefused(
      `${sideFiles[0] ?? ''} exists without its store: move it away before restoring. Nothing was changed.`,
    );
  }
  mkdirSync(dirname(storeFile), { recursive: true });
  const partial = `${storeFile}.restoring`;
  rmSync(partial, { force: true });
  try {
    const source = new Database(file, { readonly: true, fileMustExist: true });
    try {
      await copyDatabase(source, partial);
    } finally {
      source.close();
    }
    const copy = new Database(partial, { fileMustExist: true });
    try {
      // The server turns WAL on when it opens the store; until then, one file.
      copy.pragma('journal_mode = DELETE');
      skipEventPositions(copy);
    } finally {
      copy.close();
    }
    const restored = await checkSqliteCopy(partial);
    // An empty store in the way (refuseUsedStore let it through) goes with its side files.
    for (const old of [storeFile, ...sideFiles]) rmSync(old, { force: true });
    renameSync(partial, storeFile);
    return {
      restored: file,
      into: storeFile,
      migration: checked.migration,
      rows: restored.rows,
      eventPositionsSkipped: RESTORE_GAP,
    };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** The next event gets a position RESTORE_GAP past every one used so far (events.seq is
 * AUTOINCREMENT: SQLite takes the next after the larger of sqlite_sequence and the highest row). */
function skipEventPositions(db: Database.Database): void {
  const highest =
    db
      .prepare<[], { seq: number | null }>(
        "select max(coalesce((select max(seq) from events), 0), coalesce((select seq from sqlite_sequence where name = 'events'), 0)) as seq",
      )
      .get()?.seq ?? 0;
  const next = highest + RESTORE_GAP;
  const updated = db
    .prepare("update sqlite_sequence set seq = ? where name = 'events'")
    .run(next).changes;
  if (updated === 0) {
    db.prepare("insert into sqlite_sequence (name, seq) values ('events', ?)").run(next);
  }
}
