// Small device settings in the meta table (device profile, current person, selected cage).
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './db';

/** Reads a meta value once. */
export async function readMeta(key: string): Promise<unknown> {
  return (await getDb().meta.get(key))?.value;
}

/** Writes a meta value. */
export async function writeMeta(key: string, value: unknown): Promise<void> {
  await getDb().meta.put({ key, value });
}

/** Removes a meta value. */
export async function deleteMeta(key: string): Promise<void> {
  await getDb().meta.delete(key);
}

/** A live meta value: `undefined` while loading, `null` when absent. */
export function useMeta(key: string): unknown {
  return useLiveQuery(async () => {
    const row = await getDb().meta.get(key);
    return row ? row.value : null;
  }, [key]);
}
