// Events pulled from the server enter the device log here: new ones are stored, the clock moves
// past them, the pull cursor advances and projections are re-folded — all in one transaction, so
// a crash mid-pull resumes from the last cursor without losing or doubling anything.
import {
  hlcInit,
  hlcReceive,
  parseHlc,
  validateEvent,
  type BewaarEvent,
  type HlcState,
} from '../domain';
import type { BewaarDexie } from './db';
import { appendToLog, knownFirst, logTables, newToLog } from './log';
import { projectionTables, reproject } from './projections';

export const PULL_CURSOR = 'pullCursor';
/** When the device last completed a sync round (ms). */
export const LAST_SYNC = 'lastSync';

/** The envelope shape every release shares (id, type, subject, hlc, device, actor, site, data). */
function isEnvelope(raw: unknown): raw is BewaarEvent {
  if (typeof raw !== 'object' || raw === null) return false;
  const e = raw as Record<string, unknown>;
  const strings = ['id', 'type', 'subject', 'hlc', 'device', 'actor', 'site'];
  return (
    strings.every((k) => {
      const value = e[k];
      return typeof value === 'string' && value.length > 0;
    }) &&
    typeof e.data === 'object' &&
    e.data !== null &&
    typeof e.hlc === 'string' &&
    parseHlc(e.hlc) !== null
  );
}

/** A pulled page, checked: the events to store and how many were not events at all. */
export interface CheckedPage {
  valid: BewaarEvent[];
  invalid: number;
}

/** Checks a pulled page's events (pure: the sync engine checks the next page while the current
 * one is being stored). */
export function checkPulled(incoming: readonly unknown[]): CheckedPage {
  const valid: BewaarEvent[] = [];
  let invalid = 0;
  for (const raw of incoming) {
    const result = validateEvent(raw);
    if (result.ok) valid.push(result.event);
    // An event from a newer release (a new type or field) passed the server's newer schemas:
    // keep it in the log so no device loses it; the fold ignores what it does not know.
    else if (isEnvelope(raw)) valid.push(raw);
    else invalid += 1; // not even an event: counted, not stored
  }
  return { valid, invalid };
}

/** Stores the pulled events this device lacks and the new cursor; returns how many were new.
 * Takes the page as pulled, or as checkPulled returned it. */
export async function applyRemoteEvents(
  db: BewaarDexie,
  incoming: readonly unknown[] | CheckedPage,
  cursor: string,
  options: { node: string; now: number },
): Promise<{ added: number; invalid: number }> {
  const { valid, invalid } = 'valid' in incoming ? incoming : checkPulled(incoming);
  return db.transaction('rw', [...logTables(db), ...projectionTables(db)], async () => {
    const { fresh, bySubject } = await newToLog(db, valid);
    if (fresh.length > 0) {
      await appendToLog(db, fresh);
      const stored = (await db.meta.get('hlc'))?.value as HlcState | undefined;
      let clock = stored ?? hlcInit(options.node);
      for (const event of fresh) clock = hlcReceive(clock, event.hlc, options.now);
      await db.meta.put({ key: 'hlc', value: clock });
      await reproject(db, new Set(fresh.map((e) => e.subject)), knownFirst(db, bySubject));
    }
    await db.meta.put({ key: PULL_CURSOR, value: cursor });
    return { added: fresh.length, invalid };
  });
}
