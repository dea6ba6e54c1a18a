// Events pulled from the server enter the device log here: new ones are stored, the clock moves
// past them, the pull cursor advances and projections are re-folded — all in one transaction, so
// a crash mid-pull resumes from the last cursor without losing or doubling anything.
import { hlcInit, hlcReceive, validateEvent, type BewaarEvent, type HlcState } from '../domain';
import type { BewaarDexie } from './db';
import { reproject } from './projections';

export const PULL_CURSOR = 'pullCursor';

/** Stores the pulled events this device lacks and the new cursor; returns how many were new. */
export async function applyRemoteEvents(
  db: BewaarDexie,
  incoming: readonly unknown[],
  cursor: string,
  options: { node: string; now: number },
): Promise<{ added: number; invalid: number }> {
  const valid: BewaarEvent[] = [];
  let invalid = 0;
  for (const raw of incoming) {
    const result = validateEvent(raw);
    if (result.ok) valid.push(result.event);
    else invalid += 1; // never trust the wire; a bad event is counted, not stored
  }
  return db.transaction('rw', [db.events, db.items, db.cages, db.meta], async () => {
    const present = await db.events.bulkGet(valid.map((e) => e.id));
    const seen = new Set<string>();
    const fresh = valid.filter((e, i) => {
      if (present[i] !== undefined || seen.has(e.id)) return false;
      seen.add(e.id);
      return true;
    });
    if (fresh.length > 0) {
      await db.events.bulkAdd(fresh);
      const stored = (await db.meta.get('hlc'))?.value as HlcState | undefined;
      let clock = stored ?? hlcInit(options.node);
      for (const event of fresh) clock = hlcReceive(clock, event.hlc, options.now);
      await db.meta.put({ key: 'hlc', value: clock });
      await reproject(db, new Set(fresh.map((e) => e.subject)));
    }
    await db.meta.put({ key: PULL_CURSOR, value: cursor });
    return { added: fresh.length, invalid };
  });
}
