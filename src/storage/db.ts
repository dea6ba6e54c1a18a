// The device's IndexedDB (via Dexie): the append-only event log (in pages, each page's subjects
// beside it), the outbox of events not yet acknowledged by the server, item and cage projections
// folded from the log, the figures' packed lines, photos and meta; repair café sessions and visits
// (folded the same way) and visitors' contacts waiting to be sent.
import { Dexie, type EntityTable } from 'dexie';
import type { BewaarEvent, CageState, FigureItem, SessionState, VisitState } from '../domain';
import type { QueueStatus } from './itemRow';
import {
  SCHEMA_V1,
  SCHEMA_V2,
  SCHEMA_V3,
  SCHEMA_V4,
  SCHEMA_V5,
  SCHEMA_V6,
  SCHEMA_V7,
  SCHEMA_V8,
  SCHEMA_V9,
  SCHEMA_V10,
  upgradeToV2,
  upgradeToV6,
  upgradeToV9,
} from './schema';

/** An outbox entry: the event waits here until the server accepted it (or rejected it). */
export interface OutboxRow {
  id: string;
  queuedAt: number;
  event: BewaarEvent;
  /** The server's refusal: its code, what exactly (e.g. `other-region`), its own words. */
  rejected?: { code: string; reason?: string; message: string };
}

/** Item projection: the folded state with the figures' facts, plus the local calendar day of
 * registration (for "today") and, for the statuses a screen asks for, the status again as
 * `queue` (see itemRow.ts). */
export interface ItemRow extends FigureItem {
  day: string;
  queue?: QueueStatus;
}

export type CageRow = CageState;

export interface PhotoRow {
  sha256: string;
  blob: Blob;
  type: string;
  width: number;
  height: number;
  createdAt: number;
}

/** A photo stored here that the server does not have yet. */
export interface PhotoQueueRow {
  sha256: string;
  queuedAt: number;
}

/** Up to 16 rows: the figure lines of the items whose code hashes to this bucket, in columns
 * (see figureStore.ts). */
export interface FigureBucketRow {
  bucket: number;
  /** The items' codes, space-separated, in line order. */
  codes: string;
  /** Sites, rejection reasons and destinations, referred to by index. */
  words: (string | number)[];
  /** A fixed run of integers per line (figureStore.ts names them). */
  ints: Int32Array;
  /** Registration, first price and sale time per line (ms; NaN for none). */
  ms: Float64Array;
  /** Day and minutes of every repair. */
  repairs: Int32Array;
}

/** A page of the event log: events stored together (a pulled page, or what one save wrote); see
 * log.ts. */
export interface LogPageRow {
  n?: number;
  /** The events, as JSON text. */
  text?: string;
  /** The events themselves, in pages written by earlier releases. */
  events?: BewaarEvent[];
  /** The page's subjects, in pages written before v9 (since then in `logSubjects`). */
  subjects?: string[];
}

/** The subjects a log page's events are about. */
export interface LogSubjectsRow {
  n: number;
  subjects: string[];
}

/** A café day as folded from its session's events. */
export type SessionRow = SessionState;

/** A visitor's item as folded from its ticket's events. */
export type VisitRow = VisitState;

/** A visitor's contact for follow-up, given with consent at check-in: kept here only until the
 * server has it (never in the event log, DESIGN §6). */
export interface CafeContactRow {
  ticket: string;
  firstName: string;
  phone?: string;
  email?: string;
  queuedAt: number;
  /** The server's refusal (a 4xx other than sign-in): kept, shown, not sent again. */
  refused?: { code: string; message: string };
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export type BewaarDexie = Dexie & {
  logPages: EntityTable<LogPageRow, 'n'>;
  logSubjects: EntityTable<LogSubjectsRow, 'n'>;
  outbox: EntityTable<OutboxRow, 'id'>;
  items: EntityTable<ItemRow, 'code'>;
  cages: EntityTable<CageRow, 'code'>;
  photos: EntityTable<PhotoRow, 'sha256'>;
  photoQueue: EntityTable<PhotoQueueRow, 'sha256'>;
  meta: EntityTable<MetaRow, 'key'>;
  figureBuckets: EntityTable<FigureBucketRow, 'bucket'>;
  sessions: EntityTable<SessionRow, 'code'>;
  visits: EntityTable<VisitRow, 'ticket'>;
  cafeContacts: EntityTable<CafeContactRow, 'ticket'>;
};

/** Opens (creating or upgrading) the database with the given name. */
export function openBewaarDb(
  name = 'bewaar',
  options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange },
): BewaarDexie {
  // Strict durability: a save reported to the person has reached the disk, so a dead battery
  // right after "Bewaard" cannot take it back (Chromium's default may only reach the OS cache).
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', ...options }) as BewaarDexie;
  db.version(1).stores(SCHEMA_V1);
  db.version(2).stores(SCHEMA_V2).upgrade(upgradeToV2);
  db.version(3).stores(SCHEMA_V3);
  // The fold version bump that came with v4 refills receivedCage (see PROJECTION_VERSION).
  db.version(4).stores(SCHEMA_V4);
  db.version(5).stores(SCHEMA_V5);
  db.version(6).stores(SCHEMA_V6).upgrade(upgradeToV6);
  db.version(7).stores(SCHEMA_V7);
  db.version(8).stores(SCHEMA_V8);
  db.version(9).stores(SCHEMA_V9).upgrade(upgradeToV9);
  // The fold version bump that came with v10 fills sessions and visits (see PROJECTION_VERSION).
  db.version(10).stores(SCHEMA_V10);
  return db;
}

let singleton: BewaarDexie | null = null;

/** The app's database; tests may swap it with `useDatabase`. */
export function getDb(): BewaarDexie {
  singleton ??= openBewaarDb();
  return singleton;
}

/** Deletes this browser's whole database (sign-out, another region); the next getDb() opens a
 * new, empty one. The caller reloads the app, so no screen holds the old one. */
export async function eraseDatabase(): Promise<void> {
  const db = getDb();
  db.close();
  await Dexie.delete(db.name);
  singleton = null;
}

/** Points the storage layer at another database (tests, benchmarks). */
export function useDatabase(db: BewaarDexie): void {
  singleton = db;
}
