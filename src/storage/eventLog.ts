// Writes to the device event log: each event, its outbox entry, the clock and the projections it
// changes are stored in one IndexedDB transaction, so a crash leaves all of it or none of it.
import type { Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import {
  hlcInit,
  hlcTick,
  makeEvent,
  type BewaarEvent,
  type EventDataMap,
  type EventType,
  type HlcState,
} from '../domain';
import { getDb, type BewaarDexie, type ItemRow } from './db';
import { appendToLog, directoryOf, eventsOfSubjects, knownFirst, logTables } from './log';
import { projectionTables, reproject } from './projections';

/** What a screen asks to record; the envelope is filled in here. */
export type EventDraft = {
  [K in EventType]: { type: K; subject: string; data: EventDataMap[K] };
}[EventType];

/** Who writes: the device, the person on the roster and the site they act for. */
export interface Author {
  device: string;
  actor: string;
  site: string;
  node: string;
}

export interface WriteDeps {
  now: () => number;
  newId: () => string;
  /** Another database than the app's (simulated devices in tests). */
  db?: BewaarDexie;
}

const defaultDeps: WriteDeps = { now: () => Date.now(), newId: () => uuidv7() };

/** The device ran out of storage: the events written before are safe, this one was not stored. */
export class StorageFullError extends Error {
  constructor() {
    super('storage-full');
    this.name = 'StorageFullError';
  }
}

/** Drafts worked out inside the write's transaction, from what the device holds at that moment
 * (e.g. the cage that is open when the item is saved); reads inside it see the transaction. */
export type DraftsInTransaction = () => Promise<readonly EventDraft[]>;

/** A write that belongs with the events (a visitor's contact with the check-in): its tables
 * join the transaction and `write` runs in it, so both are stored or neither. */
export interface Alongside {
  tables: readonly Table[];
  write: (events: readonly BewaarEvent[]) => Promise<unknown>;
}

type WrittenListener = (rows: readonly ItemRow[]) => void;
const written = new Set<WrittenListener>();

/** Calls `listener` with the item rows each write of the app's database stored, right after its
 * transaction has committed (before the write's promise resolves); returns the unsubscribe. A
 * screen can show a save at once instead of reading back what it just wrote. */
export function onItemsWritten(listener: WrittenListener): () => void {
  written.add(listener);
  return () => {
    written.delete(listener);
  };
}

/**
 * Appends events atomically (event + outbox + clock + projections) and returns them.
 *
 * The requests are sent in as few round trips as the data allows (independent ones together,
 * not one after the other): each round trip to IndexedDB's backend costs a thread hop, and on a
 * busy tablet that hop, not the work, is most of a save's time.
 */
export async function recordEvents(
  author: Author,
  drafts: readonly EventDraft[] | DraftsInTransaction,
  deps: WriteDeps = defaultDeps,
  alongside?: Alongside,
): Promise<BewaarEvent[]> {
  const db = deps.db ?? getDb();
  let rows: readonly ItemRow[] = [];
  let events: BewaarEvent[];
  try {
    events = await db.transaction(
      'rw',
      [...logTables(db), db.outbox, ...projectionTables(db), ...(alongside?.tables ?? [])],
      async () => {
        const [stored, wanted, directory] = await Promise.all([
          db.meta.get('hlc'),
          typeof drafts === 'function' ? drafts() : drafts,
          directoryOf(db),
        ]);
        const subjects = [...new Set(wanted.map((d) => d.subject))];
        // The subjects' logged events: the re-fold needs them and this write's own events, which
        // are added here rather than read back from the log.
        const logged = await eventsOfSubjects(db, subjects, directory);
        let clock = (stored?.value as HlcState | undefined) ?? hlcInit(author.node);
        const made: BewaarEvent[] = [];
        for (const draft of wanted) {
          const tick = hlcTick(clock, deps.now());
          clock = tick.state;
          made.push(
            makeEvent({
              ...draft,
              id: deps.newId(),
              hlc: tick.stamp,
              device: author.device,
              actor: author.actor,
              site: author.site,
            }),
          );
        }
        for (const event of made) logged.get(event.subject)?.push(event);
        const queuedAt = deps.now();
        const [, , , projected] = await Promise.all([
          appendToLog(db, made),
          db.outbox.bulkAdd(made.map((event) => ({ id: event.id, queuedAt, event }))),
          db.meta.put({ key: 'hlc', value: clock }),
          reproject(db, new Set(subjects), knownFirst(db, logged)),
          alongside?.write(made),
        ]);
        rows = projected;
        return made;
      },
    );
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError();
    throw error;
  }
  if (db === getDb()) {
    for (const listener of written) listener(rows);
  }
  return events;
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const inner = (error as Error & { inner?: unknown }).inner;
  return (
    error.name === 'QuotaExceededError' ||
    (inner instanceof Error && inner.name === 'QuotaExceededError')
  );
}
