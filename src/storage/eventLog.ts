// Writes to the device event log: each event, its outbox entry, the clock and the projections it
// changes are stored in one IndexedDB transaction, so a crash leaves all of it or none of it.
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
import { getDb, type BewaarDexie } from './db';
import { appendToLog, logTables } from './log';
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

/** Appends events atomically (event + outbox + clock + projections) and returns them. */
export async function recordEvents(
  author: Author,
  drafts: readonly EventDraft[],
  deps: WriteDeps = defaultDeps,
): Promise<BewaarEvent[]> {
  const db = deps.db ?? getDb();
  try {
    return await db.transaction(
      'rw',
      [...logTables(db), db.outbox, ...projectionTables(db)],
      async () => {
        const stored = await db.meta.get('hlc');
        let clock = (stored?.value as HlcState | undefined) ?? hlcInit(author.node);
        const events: BewaarEvent[] = [];
        for (const draft of drafts) {
          const tick = hlcTick(clock, deps.now());
          clock = tick.state;
          events.push(
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
        const queuedAt = deps.now();
        await appendToLog(db, events);
        await db.outbox.bulkAdd(events.map((event) => ({ id: event.id, queuedAt, event })));
        await db.meta.put({ key: 'hlc', value: clock });
        await reproject(db, new Set(events.map((e) => e.subject)));
        return events;
      },
    );
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError();
    throw error;
  }
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const inner = (error as Error & { inner?: unknown }).inner;
  return (
    error.name === 'QuotaExceededError' ||
    (inner instanceof Error && inner.name === 'QuotaExceededError')
  );
}
