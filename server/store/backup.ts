// What the backup and restore commands share on both stores: the tables a copy is counted by, what
// makes a file a Bewaar backup, and the gap left in event positions after a restore.
import { migrationProvider } from './migrations';
import type { Schema } from './schema';

/** A backup or restore that was refused before anything was written; the CLI prints the message. */
export class BackupRefused extends Error {
  override name = 'BackupRefused';
}

// Every table of the schema, so a table added later is counted without anyone remembering to.
const TABLE_SET = {
  tenants: true,
  sites: true,
  people: true,
  roster: true,
  devices: true,
  tokens: true,
  enrollment_codes: true,
  events: true,
  photos: true,
  items: true,
  projections: true,
  label_batches: true,
  label_codes: true,
  subject_owners: true,
  person_regions: true,
  login_attempts: true,
  audit_log: true,
  cafe_contacts: true,
} satisfies Record<keyof Schema, true>;

export const TABLES = Object.keys(TABLE_SET) as (keyof Schema)[];

/** Kysely's record of the migrations that ran: a Bewaar store always has it. */
export const MIGRATION_TABLE = 'kysely_migration';

/** Tables a copy must have to be taken for a Bewaar store. */
export const REQUIRED_TABLES = [MIGRATION_TABLE, 'tenants', 'events', 'photos'] as const;

/** Row counts per table, as the commands report them. */
export type RowCounts = Partial<Record<keyof Schema, number>>;

export interface BackupReport {
  backup: string;
  store: 'sqlite' | 'postgres';
  bytes: number;
  /** The last migration the copy has: the release it came from. */
  migration: string;
  rows: RowCounts;
}

export interface RestoreReport {
  restored: string;
  into: string;
  migration: string;
  rows: RowCounts;
  /** The next event is stored this far past the last one in the backup (see RESTORE_GAP). */
  eventPositionsSkipped: number;
}

/**
 * After a restore, the next event is stored this many positions after the backup's last one. A
 * backup is older than the store it replaces: devices may have pulled events that came after it,
 * so their cursors point past the backup's last event. Without the gap, the first events stored
 * after the restore would get positions those cursors have already passed, and those devices would
 * never pull them. Positions only need to increase (every pull reads `seq > cursor`), so skipping
 * far more positions than a region stores between two backups is harmless; the pull cursor allows
 * fifteen digits.
 */
export const RESTORE_GAP = 1_000_000_000;

/** Whether the copy's table list has what a Bewaar store always has. */
export function missingTables(present: readonly string[]): string[] {
  return REQUIRED_TABLES.filter((table) => !present.includes(table));
}

/**
 * Refuses a copy made by a newer release (a migration this one does not know): the server would
 * refuse to start on it. A copy from an older release is fine; the server migrates it on start.
 */
export async function refuseUnknownMigrations(names: readonly string[]): Promise<string> {
  const known = Object.keys(await migrationProvider('sqlite').getMigrations());
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new BackupRefused(
      `The backup was made by a newer release of Bewaar (migrations ${unknown.join(', ')} are unknown here): restore it with that release or a later one.`,
    );
  }
  const last = [...names].sort().at(-1);
  if (last === undefined)
    throw new BackupRefused('The backup has no migrations: not a Bewaar store.');
  return last;
}

/** A summary of what a store holds, for a refusal's message. */
export function describeRows(rows: RowCounts): string {
  return `regions: ${rows.tenants ?? 0}, events: ${rows.events ?? 0}, photos: ${rows.photos ?? 0}`;
}

/** Whether any table holds a row. */
export function holdsData(rows: RowCounts): boolean {
  return Object.values(rows).some((n) => n > 0);
}
