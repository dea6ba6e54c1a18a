// New clock stamps for events this device wrote while its clock was wrong: those the server
// refused as `clock`, and those still waiting whose stamp it would refuse. They never left the
// device, so they are re-stamped in place — in the log, the outbox and the device's clock — and
// only when the person asks (the sync screen), never silently.
import {
  compareEvents,
  hlcTick,
  hlcWallMs,
  stampInRange,
  type BewaarEvent,
  type HlcState,
} from '../domain';
import type { BewaarDexie } from './db';
import { allSubjectEvents, logTables, rewriteUnsent } from './log';
import { projectionTables, reproject } from './projections';

/** The events waiting to be sent (refused as `clock`, or not sent yet) whose stamp is wrong. */
export async function wronglyStamped(db: BewaarDexie, nowMs: number): Promise<BewaarEvent[]> {
  const rows = await db.outbox
    .filter((row) =>
      row.rejected === undefined
        ? !stampInRange(row.event.hlc, nowMs)
        : row.rejected.code === 'clock',
    )
    .toArray();
  return rows.map((row) => row.event).sort(compareEvents);
}

/**
 * Gives the wrongly stamped events new stamps from `nowMs` on, in their old order, after every
 * other event this device holds that its clock may still follow; resets the device's clock to
 * match; puts them back in line to be sent. Returns how many were re-stamped.
 */
export async function restampWrongClock(
  db: BewaarDexie,
  node: string,
  nowMs: number,
): Promise<number> {
  return db.transaction('rw', [...logTables(db), db.outbox, ...projectionTables(db)], async () => {
    const events = await wronglyStamped(db, nowMs);
    if (events.length === 0) return 0;
    const ids = new Set(events.map((e) => e.id));
    const subjects = [...new Set(events.map((e) => e.subject))];
    // After every other event this device holds (its clock has seen them all: a correction must
    // stay after what it corrects, here or on another device's item), but never after a stamp
    // that is itself out of range. The whole log is read: a re-stamp is rare.
    let base = nowMs;
    for (const list of (await allSubjectEvents(db)).values())
      for (const e of list)
        if (!ids.has(e.id) && stampInRange(e.hlc, nowMs)) base = Math.max(base, hlcWallMs(e.hlc));
    // One millisecond on, so the first new stamp sorts after any counter at `base`.
    let clock: HlcState = { wallMs: base + 1, counter: 0, node };
    const replacements = new Map<string, BewaarEvent>();
    for (const event of events) {
      const tick = hlcTick(clock, nowMs);
      clock = tick.state;
      replacements.set(event.id, { ...event, hlc: tick.stamp });
    }
    await rewriteUnsent(db, replacements);
    await db.outbox.bulkPut(
      (await db.outbox.bulkGet([...ids])).flatMap((row) => {
        const event = row && replacements.get(row.id);
        return row && event ? [{ id: row.id, queuedAt: row.queuedAt, event }] : [];
      }),
    );
    await db.meta.put({ key: 'hlc', value: clock });
    await reproject(db, new Set(subjects));
    return events.length;
  });
}
