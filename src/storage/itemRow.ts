// What an item projection stores: the folded item with the figures' facts, its local day of
// registration (for "today"), and its place in the workshop's queue.
import type { FigureItem, ItemStatus } from '../domain';
import type { ItemRow } from './db';
import { dayOf } from './localDay';

/** The statuses a screen asks for by index: the workshop's queue and the undone items. */
export const QUEUE_STATUSES = ['received', 'in-repair', 'for-sale', 'voided'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** The item's status when a screen asks for it by index; none for the rest (registered, caged,
 * on the way, sold, rejected or missing: most items of a tenant), which then cost the `queue`
 * index nothing to store. */
export function queueOf(status: ItemStatus): QueueStatus | undefined {
  return (QUEUE_STATUSES as readonly ItemStatus[]).includes(status)
    ? (status as QueueStatus)
    : undefined;
}

/** The row stored for a folded item. */
export function itemRow(item: FigureItem): ItemRow {
  const queue = queueOf(item.status);
  return { ...item, day: dayOf(item), ...(queue ? { queue } : {}) };
}
