// Schema history of the device database. Keep every version: a tablet may skip releases.
import type { Transaction } from 'dexie';
import type { ItemStatus } from '../domain';
import { queueOf, type QueueStatus } from './itemRow';
import { dayOf } from './localDay';

/** Meta key: how many events the log holds (log.ts keeps it). */
export const LOGGED_EVENTS = 'loggedEvents';

/** v1: the first release. */
export const SCHEMA_V1 = {
  events: 'id, subject, hlc',
  outbox: 'id, queuedAt',
  items: 'code, status, cage, site, registeredAt',
  cages: 'code, status, site',
  photos: 'sha256',
  meta: 'key',
};

/** v2: "today at this park" (newest first, a page at a time) and brand suggestions are read by
 * index instead of a table scan. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  items: 'code, status, cage, site, registeredAt, [site+day+registeredAt], brand',
};

/** Fills the `day` field that v2 indexes, for items projected by v1. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  await tx
    .table('items')
    .toCollection()
    .modify((item: { registeredAt: string | null; voided?: boolean; day?: string }) => {
      item.day = dayOf({ registeredAt: item.registeredAt, voided: item.voided ?? false });
    });
}

/** v3: photos waiting for upload get their own small table, so finding them reads no blobs. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  photoQueue: 'sha256, queuedAt',
};

/** v4: the items scanned at the shop while a cage was unpacked are read by index (to list what
 * came in a cage that the park never said was in it). */
export const SCHEMA_V4 = {
  ...SCHEMA_V3,
  items: 'code, status, cage, site, registeredAt, [site+day+registeredAt], brand, receivedCage',
};

/** v5: the figures read their own packed store (figureStore.ts) instead of every item row; the
 * fold version bump that came with it fills the store from the log. */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  figureBuckets: 'bucket',
};

/** v6: the event log is stored a page at a time (log.ts) instead of one record per event — in
 * Chromium one record per event cost ~0.18 ms to write, a page of a thousand ~15 ms — and each
 * outbox entry carries its event. The upgrade copies the log and the outbox's
 * events across; v7 then drops the old table. */
export const SCHEMA_V6 = {
  ...SCHEMA_V5,
  logPages: '++n, *subjects',
};

/** Events per page when an existing log is copied into pages. */
const UPGRADE_PAGE = 1000;

/** Copies the v5 log (one record per event) into pages, in id order, and each waiting outbox
 * entry's event into the entry. */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const events = tx.table<{ id: string; subject: string }, string>('events');
  const pages = tx.table('logPages');
  let last: string | null = null;
  let copied = 0;
  for (;;) {
    const batch: { id: string; subject: string }[] = await (
      last === null ? events.orderBy(':id') : events.where(':id').above(last)
    )
      .limit(UPGRADE_PAGE)
      .toArray();
    if (batch.length === 0) break;
    last = batch[batch.length - 1]?.id ?? null;
    await pages.add({ events: batch, subjects: [...new Set(batch.map((e) => e.subject))] });
    copied += batch.length;
  }
  await tx.table('meta').put({ key: LOGGED_EVENTS, value: copied });
  const outbox = tx.table<{ id: string }, string>('outbox');
  const waiting = await outbox.toArray();
  const found = await events.bulkGet(waiting.map((row) => row.id));
  await outbox.bulkPut(
    waiting.flatMap((row, i) => (found[i] ? [{ ...row, event: found[i] }] : [])),
  );
}

/** v7: the per-event log of v1–v5 is gone (v6 copied it into pages). */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  events: null,
};

/** v8: items and cages lose their `site` index, which nothing reads (a park's list reads the
 * `[site+day+registeredAt]` index). Every index costs each item write of a pull: in Chromium an
 * item row with its seven index entries took ~0.31 ms to put, without any ~0.18 ms. */
export const SCHEMA_V8 = {
  ...SCHEMA_V7,
  items: 'code, status, cage, registeredAt, [site+day+registeredAt], brand, receivedCage',
  cages: 'code, status',
};

/** v9: which subjects a log page holds moves out of the page's multi-entry index into a small
 * table of its own (one row per page). The index cost every pulled page ~500 index entries, and
 * Dexie tracked each of them for its live queries: a tenth of a fresh phone's pull in Chromium.
 * The subjects are read as a whole into the log's directory instead (log.ts). */
export const SCHEMA_V9 = {
  ...SCHEMA_V8,
  logPages: '++n',
  logSubjects: 'n',
  // Also v9: the items' `status` index becomes `queue`, which holds only the statuses a screen
  // asks for by index (itemRow.ts), so most items of a tenant add no entry to it.
  items: 'code, queue, cage, registeredAt, [site+day+registeredAt], brand, receivedCage',
};

/** Copies each page's subjects into the new table (pages written from now on carry none) and
 * gives each item its `queue`. */
export async function upgradeToV9(tx: Transaction): Promise<void> {
  await tx
    .table('items')
    .toCollection()
    .modify((item: { status: ItemStatus; queue?: QueueStatus }) => {
      const queue = queueOf(item.status);
      if (queue) item.queue = queue;
    });
  const rows: { n: number; subjects: string[] }[] = [];
  await tx.table<{ n: number; subjects?: string[] }, number>('logPages').each((page) => {
    rows.push({ n: page.n, subjects: page.subjects ?? [] });
  });
  await tx.table('logSubjects').bulkAdd(rows);
}

/** v10: repair café days (DESIGN §6): sessions (a café day, newest by date) and visits (an item a
 * visitor brought, by ticket, read per session), folded from the log like items; and the
 * visitors' contacts waiting to be sent (never in the log, dropped once the server has them). */
export const SCHEMA_V10 = {
  ...SCHEMA_V9,
  sessions: 'code, date',
  visits: 'ticket, session',
  cafeContacts: 'ticket',
};
