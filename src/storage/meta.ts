// Small device settings in the meta table (device profile, current person, selected cage).
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './db';

// Meta values read at start, before the first render (primeMeta): the first answer of a live
// query costs an IndexedDB round trip and a second render on the way to the first screen. Each
// is used only until the live query has read the key itself, or the key is written.
const primed = new Map<string, unknown>();

/** Reads these meta values now, so that the first render of their live queries has them. */
export async function primeMeta(keys: readonly string[]): Promise<void> {
  const rows = await getDb().meta.bulkGet([...keys]);
  keys.forEach((key, i) => primed.set(key, rows[i] ? rows[i].value : null));
}

/** Reads a meta value once. */
export async function readMeta(key: string): Promise<unknown> {
  return (await getDb().meta.get(key))?.value;
}

/** Writes a meta value. */
export async function writeMeta(key: string, value: unknown): Promise<void> {
  primed.delete(key);
  await getDb().meta.put({ key, value });
}

/** Changes a stored meta value in one transaction: two updates at once each see the other's
 * change, where a read and a later write would lose one. Nothing is written when `change` gives
 * `undefined` (or when the key is absent). */
export async function updateMeta<T>(
  key: string,
  change: (value: T) => T | undefined,
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get(key);
    if (!row) return;
    const next = change(row.value as T);
    if (next === undefined) return;
    primed.delete(key);
    await db.meta.put({ key, value: next });
  });
}

/** Removes a meta value. */
export async function deleteMeta(key: string): Promise<void> {
  primed.delete(key);
  await getDb().meta.delete(key);
}

/** A live meta value: `undefined` while loading, `null` when absent. */
export function useMeta(key: string): unknown {
  return useLiveQuery(
    async () => {
      const row = await getDb().meta.get(key);
      primed.delete(key);
      return row ? row.value : null;
    },
    [key],
    primed.get(key),
  );
}
