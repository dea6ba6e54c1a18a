// The outbox: events written here and not yet accepted by the server. An entry leaves only
// when the server acknowledged the event (accepted or already had it); a rejected one stays,
// visible, with the server's reason.
import { compareEvents, type BewaarEvent } from '../domain';
import type { BewaarDexie, OutboxRow } from './db';

/** The first events waiting to be sent (rejected ones excluded), at most `limit`, in clock
 * order — not in the order of the wall clock at writing, which a corrected device clock can
 * turn around (a sale would then reach the server before the test it depends on). */
export async function pendingEvents(db: BewaarDexie, limit: number): Promise<BewaarEvent[]> {
  const rows = await db.outbox.filter((row) => row.rejected === undefined).toArray();
  return rows
    .map((row) => row.event)
    .sort(compareEvents)
    .slice(0, limit);
}

/** The server has these events: they leave the outbox. */
export async function acknowledge(db: BewaarDexie, ids: readonly string[]): Promise<void> {
  await db.outbox.bulkDelete([...ids]);
}

/** The server refused these events: they stay, marked with its reason. `sent` (id → the stamp
 * that was sent) skips an entry re-stamped while the push was on its way: the refusal was of the
 * old stamp, and the new one has not been tried yet. */
export async function markRejected(
  db: BewaarDexie,
  rejected: readonly { id: string; code: string; reason?: string; message: string }[],
  sent?: ReadonlyMap<string, string>,
): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    for (const r of rejected) {
      if (sent !== undefined) {
        const row = await db.outbox.get(r.id);
        if (row && row.event.hlc !== sent.get(r.id)) continue;
      }
      const why = { code: r.code, message: r.message };
      await db.outbox.update(r.id, {
        rejected: typeof r.reason === 'string' ? { ...why, reason: r.reason } : why,
      });
    }
  });
}

/** Puts rejected events back in line, e.g. after the coordinator fixed the device's roster. */
export async function retryRejected(db: BewaarDexie): Promise<void> {
  await db.outbox
    .filter((row) => row.rejected !== undefined)
    .modify((row: OutboxRow) => {
      delete row.rejected;
    });
}

/** How many events wait to be sent (not refused by the server). */
export async function countPending(db: BewaarDexie): Promise<number> {
  return db.outbox.filter((row) => row.rejected === undefined).count();
}
