// The device's event log, a page at a time: the events one write stored together (a pulled page
// of up to a thousand, or what one save recorded) are one IndexedDB record. One record per event
// cost most of a fresh device's pull (IndexedDB pays per record, not per byte); a page costs about
// as much as one event did.
// A page keeps its events as one JSON string: Chromium cloned a page of a thousand event objects
// into IndexedDB in ~25 ms of the page's main thread, the string in a fraction of that, and
// JSON.parse reads it back faster than IndexedDB rebuilds the objects.
// Which subjects a page holds is a small row of its own in `logSubjects`, read whole into a
// directory (below) rather than indexed per subject.
// Pages are never removed and, with one exception, never changed: the log only grows. The
// exception is `rewriteUnsent`: events the server refused for their clock stamp never left this
// device, so with the person's consent they get a new stamp in place (their subjects stay).
import { Dexie, type Transaction } from 'dexie';
import { compareEvents, type BewaarEvent } from '../domain';
import type { BewaarDexie, LogPageRow } from './db';
import { LOGGED_EVENTS } from './schema';

/** The events of some subjects, each subject's in log order (the folds order them by clock). */
export type SubjectEvents = Map<string, BewaarEvent[]>;

/** Which pages hold each subject, for every page up to `upTo`. */
export interface Directory {
  upTo: number;
  pages: Map<string, number[]>;
}

/** Kept per open database once the log is first read: each page's subjects, learnt from
 * `logSubjects` in one pass. Pages are never changed or removed, so the directory stays true and
 * only has to learn the pages written since — by this tab (appendToLog) or another one (read when
 * the last key moved on). */
const directories = new WeakMap<BewaarDexie, Directory>();

function remember(directory: Directory, subjects: readonly string[], page: number): void {
  for (const subject of subjects) {
    const pages = directory.pages.get(subject);
    if (pages) pages.push(page);
    else directory.pages.set(subject, [page]);
  }
}

/** The directory, brought up to date inside the caller's transaction (it stays true there as
 * long as the caller's own writes go through appendToLog). */
export async function directoryOf(db: BewaarDexie): Promise<Directory> {
  const last = ((await db.logSubjects.toCollection().lastKey()) as number | undefined) ?? 0;
  const directory = directories.get(db);
  if (!directory) {
    const built: Directory = { upTo: last, pages: new Map() };
    await db.logSubjects.each((row) => {
      remember(built, row.subjects, row.n);
    });
    directories.set(db, built);
    return built;
  }
  if (last > directory.upTo) {
    const newer = await db.logSubjects.where(':id').above(directory.upTo).toArray();
    for (const row of newer) remember(directory, row.subjects, row.n);
    directory.upTo = last;
  }
  return directory;
}

/** The tables a write to the log needs in its transaction (besides what else it writes). */
export function logTables(db: BewaarDexie) {
  return [db.logPages, db.logSubjects, db.meta];
}

/** A page's events: stored as JSON text (pages written by earlier releases hold the array). */
export function pageEvents(page: LogPageRow): BewaarEvent[] {
  return page.text === undefined ? (page.events ?? []) : (JSON.parse(page.text) as BewaarEvent[]);
}

/** Stores events as one page and counts them (inside the caller's transaction, which must
 * include the logTables). */
export async function appendToLog(db: BewaarDexie, events: readonly BewaarEvent[]): Promise<void> {
  if (events.length === 0) return;
  const subjects = [...new Set(events.map((e) => e.subject))];
  // Two round trips, not four: the page and the count together, then its subjects and the count.
  const [n, counted] = await Promise.all([
    db.logPages.add({ text: JSON.stringify(events) }) as Promise<number>,
    loggedEventCount(db),
  ]);
  await Promise.all([
    db.logSubjects.add({ n, subjects }),
    db.meta.put({ key: LOGGED_EVENTS, value: counted + events.length }),
  ]);
  const directory = directories.get(db);
  if (directory?.upTo === n - 1) {
    remember(directory, subjects, n);
    directory.upTo = n;
  }
  // Rolled back, the page is gone and its number may be given again: forget what was learnt of
  // it, here or by a read later in the same transaction.
  (Dexie.currentTransaction as Transaction | null)?.on('abort', () => {
    directories.delete(db);
  });
}

/** The events of the page that the log lacks (by id, also once within the page), read against
 * the logged events of their subjects, which come back completed with the new ones — what a
 * re-fold of those subjects reads. An event's id fixes its subject, so a copy the device holds
 * is always among its subject's events. */
export async function newToLog(
  db: BewaarDexie,
  events: readonly BewaarEvent[],
): Promise<{ fresh: BewaarEvent[]; bySubject: SubjectEvents }> {
  const bySubject = await eventsOfSubjects(db, [...new Set(events.map((e) => e.subject))]);
  const held = new Map<string, Set<string>>();
  const fresh: BewaarEvent[] = [];
  for (const event of events) {
    const list = bySubject.get(event.subject) ?? [];
    let ids = held.get(event.subject);
    if (!ids) {
      ids = new Set(list.map((e) => e.id));
      held.set(event.subject, ids);
    }
    if (ids.has(event.id)) continue;
    ids.add(event.id);
    list.push(event);
    fresh.push(event);
  }
  return { fresh, bySubject };
}

/** The logged events of the given subjects: which pages hold them (from the directory, or
 * `fresh`, one brought up to date in the same transaction), then each of those pages is read
 * once. */
export async function eventsOfSubjects(
  db: BewaarDexie,
  codes: readonly string[],
  fresh?: Directory,
): Promise<SubjectEvents> {
  const found = new Map<string, BewaarEvent[]>(codes.map((code) => [code, []]));
  if (codes.length === 0) return found;
  const directory = fresh ?? (await directoryOf(db));
  const pageLists = codes.map((code) => directory.pages.get(code) ?? []);
  const numbers = [...new Set(pageLists.flat())].sort((a, b) => a - b);
  const pages = await db.logPages.bulkGet(numbers);
  for (const page of pages) {
    if (page) for (const event of pageEvents(page)) found.get(event.subject)?.push(event);
  }
  return found;
}

/** Reads subjects' events from `known` where it has them, from the log for the rest. */
export function knownFirst(
  db: BewaarDexie,
  known: SubjectEvents,
): (codes: readonly string[]) => Promise<SubjectEvents> {
  return async (codes) => {
    const missing = codes.filter((code) => !known.has(code));
    const read = await eventsOfSubjects(db, missing);
    return new Map(codes.map((code) => [code, known.get(code) ?? read.get(code) ?? []]));
  };
}

/** Every logged event grouped by subject, reading each page once (to rebuild all projections). */
export async function allSubjectEvents(db: BewaarDexie): Promise<SubjectEvents> {
  const found: SubjectEvents = new Map();
  await db.logPages.each((page: LogPageRow) => {
    for (const event of pageEvents(page)) {
      const list = found.get(event.subject);
      if (list) list.push(event);
      else found.set(event.subject, [event]);
    }
  });
  return found;
}

/** Every logged event, oldest first by clock. */
export async function allLoggedEvents(db: BewaarDexie): Promise<BewaarEvent[]> {
  const pages = await db.logPages.toArray();
  return pages.flatMap(pageEvents).sort(compareEvents);
}

/**
 * Replaces logged events by new versions with the same id and subject (inside the caller's
 * transaction, which must include the logTables). Only for events no other device can have: the
 * caller makes sure they never left this one.
 */
export async function rewriteUnsent(
  db: BewaarDexie,
  replacements: ReadonlyMap<string, BewaarEvent>,
): Promise<void> {
  if (replacements.size === 0) return;
  const directory = await directoryOf(db);
  const subjects = new Set([...replacements.values()].map((e) => e.subject));
  const numbers = [...new Set([...subjects].flatMap((s) => directory.pages.get(s) ?? []))];
  const pages = await db.logPages.bulkGet(numbers);
  const changed: LogPageRow[] = [];
  for (const page of pages) {
    if (!page) continue;
    const events = pageEvents(page);
    if (!events.some((e) => replacements.has(e.id))) continue;
    const next = events.map((e) => {
      const replacement = replacements.get(e.id);
      return replacement?.subject === e.subject ? replacement : e;
    });
    changed.push({ n: page.n, text: JSON.stringify(next) });
  }
  await db.logPages.bulkPut(changed);
}

/** One subject's logged events, oldest first by clock. */
export async function subjectHistory(db: BewaarDexie, code: string): Promise<BewaarEvent[]> {
  const events = (await eventsOfSubjects(db, [code])).get(code) ?? [];
  return events.sort(compareEvents);
}

/** How many events the log holds. */
export async function loggedEventCount(db: BewaarDexie): Promise<number> {
  const counted = (await db.meta.get(LOGGED_EVENTS))?.value;
  return typeof counted === 'number' ? counted : 0;
}
