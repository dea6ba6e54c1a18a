// Schema history of the device database. Keep every version: a tablet may skip releases.
import type { Transaction } from 'dexie';
import { dayOf } from './localDay';

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
