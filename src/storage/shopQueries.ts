// Read side of the kringwinkel: cages on their way, what a cage held against what was scanned,
// and the workshop's queue. Live queries over the projections, like queries.ts.
import { useLiveQuery } from 'dexie-react-hooks';
import { cageContents, type CageState } from '../domain';
import { getDb, type ItemRow } from './db';
import type { QueueStatus } from './itemRow';

/** Cages closed at a park and not yet received at the shop (waiting for pickup or on the way). */
export function useCagesOnTheWay(): CageState[] | undefined {
  return useLiveQuery(async () => {
    const cages = await getDb().cages.where('status').anyOf('closed', 'collected').toArray();
    return cages.sort((a, b) => cmp(a.closedAt ?? '', b.closedAt ?? ''));
  });
}

export interface Unpacking {
  /** The items the park put in the cage on this trip. */
  expected: ItemRow[];
  /** Items scanned while unpacking this cage that the park did not put in it (as far as we know). */
  unexpected: ItemRow[];
}

/** The cage's current trip: what should be in it and what turned up besides. */
export function useUnpacking(cage: CageState | null | undefined): Unpacking | undefined {
  return useLiveQuery(async () => {
    if (!cage) return { expected: [], unexpected: [] };
    const db = getDb();
    const [inCage, scannedHere] = await Promise.all([
      db.items.where('cage').equals(cage.code).toArray(),
      db.items.where('receivedCage').equals(cage.code).toArray(),
    ]);
    const expected = cageContents(cage, inCage) as ItemRow[];
    const known = new Set(expected.map((i) => i.code));
    const since = cage.openedAt ?? '';
    const unexpected = scannedHere
      .filter((i) => !known.has(i.code) && (i.receivedAt ?? '') >= since)
      .sort((a, b) => cmp(a.receivedAt ?? '', b.receivedAt ?? ''));
    return { expected, unexpected };
  }, [cage]);
}

/** When the item reached the shop, for ordering the queue (an item worked on without an intake
 * scan counts from its registration). */
function arrival(item: ItemRow): string {
  return item.receivedAt ?? item.registeredAt ?? item.updatedAt;
}

/** Items in the workshop with one of the statuses, oldest arrival first, optionally of one
 * category. */
export function useWorkQueue(
  statuses: readonly QueueStatus[],
  category: number | null,
): ItemRow[] | undefined {
  return useLiveQuery(async () => {
    const items = await getDb()
      .items.where('queue')
      .anyOf([...statuses])
      .toArray();
    return items
      .filter((i) => category === null || i.category === category)
      .sort((a, b) => cmp(arrival(a), arrival(b)) || cmp(a.code, b.code));
  }, [statuses.join(), category]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
