// Read side of the coordinator's figures: every item projection (they carry the figures' facts)
// and, for the audit export, the whole event log. Both read once per change or per export.
import { useLiveQuery } from 'dexie-react-hooks';
import type { BewaarEvent } from '../domain';
import { getDb, type ItemRow } from './db';

/** All items this device holds; re-read when any of them changes. */
export function useAllItems(): ItemRow[] | undefined {
  return useLiveQuery(() => getDb().items.toArray());
}

/** Every event this device holds (for the traceability export), oldest first. */
export async function allEvents(): Promise<BewaarEvent[]> {
  return getDb().events.orderBy('hlc').toArray();
}
