// Item and cage projections (and the figures' lines), café sessions and visits: the folded state
// of each subject, rebuilt from its events inside the caller's transaction whenever one of its
// events (or its cage's) is written.
import {
  CAFE_KINDS,
  CODE_PREFIX,
  figureItem,
  foldCage,
  foldItem,
  foldSession,
  foldVisit,
  parseCode,
  type CageState,
  type SessionState,
  type VisitState,
} from '../domain';
import type { BewaarDexie, ItemRow } from './db';
import { figureLinesKept, writeFigureLines } from './figureStore';
import { itemRow } from './itemRow';
import {
  allSubjectEvents,
  eventsOfSubjects,
  knownFirst,
  logTables,
  type SubjectEvents,
} from './log';

/** Where a re-fold reads subjects' events: the log (the default), or events already in hand. */
type EventSource = (codes: readonly string[]) => Promise<SubjectEvents>;

/** Re-folds the given subjects (a cage's change re-folds the items that lie in it) and returns the
 * item rows it stored. Reads in a
 * few batched queries (all events of all touched subjects at once), so a pulled page of a
 * thousand events costs a handful of IndexedDB requests, not thousands. */
export async function reproject(
  db: BewaarDexie,
  subjects: ReadonlySet<string>,
  eventsOf: EventSource = (codes) => eventsOfSubjects(db, codes),
): Promise<ItemRow[]> {
  const cageCodes: string[] = [];
  const itemCodes = new Set<string>();
  const cafeCodes: string[] = [];
  for (const code of subjects) {
    const parsed = parseCode(code);
    if (parsed.ok) {
      if (parsed.kind === 'cage') cageCodes.push(code);
      else itemCodes.add(code);
    } else if (parseCode(code, CAFE_KINDS).ok) cafeCodes.push(code);
  }
  if (cafeCodes.length > 0) await reprojectCafe(db, cafeCodes, eventsOf);
  const cages = new Map<string, CageState>();
  if (cageCodes.length > 0) {
    const events = await eventsOf(cageCodes);
    for (const code of cageCodes) {
      const cage = safely(() => foldCage(code, events.get(code) ?? []));
      if (cage) cages.set(code, cage);
    }
    await db.cages.bulkPut([...cages.values()]);
    const inCages = await db.items.where('cage').anyOf(cageCodes).primaryKeys();
    for (const code of inCages) itemCodes.add(code);
  }
  if (itemCodes.size === 0) return [];
  const codes = [...itemCodes];
  const events = await eventsOf(codes);
  // An item's status depends on its cage's trip: fold once to learn the cage, then with it.
  const firstPass = codes.flatMap((code) => {
    const item = safely(() => foldItem(code, events.get(code) ?? []));
    return item ? [item] : [];
  });
  const missing = [
    ...new Set(firstPass.flatMap((i) => (i.cage && !cages.has(i.cage) ? [i.cage] : []))),
  ];
  const stored = await db.cages.bulkGet(missing);
  stored.forEach((cage, n) => {
    const code = missing[n];
    if (cage && code) cages.set(code, cage);
  });
  const rows: ItemRow[] = firstPass.map((first) => {
    const cage = first.cage ? (cages.get(first.cage) ?? null) : null;
    const own = events.get(first.code) ?? [];
    const state = cage ? (safely(() => foldItem(first.code, own, cage)) ?? first) : first;
    // The figures' per-item facts ride along, so the coordinator's figures read items only.
    return itemRow(figureItem(state, own, cage));
  });
  await db.items.bulkPut(rows);
  if (figureLinesKept(db)) await writeFigureLines(db, rows);
  return rows;
}

/** Re-folds café sessions (BS) and visits (BT). */
async function reprojectCafe(
  db: BewaarDexie,
  codes: readonly string[],
  eventsOf: EventSource,
): Promise<void> {
  const events = await eventsOf(codes);
  const sessions: SessionState[] = [];
  const visits: VisitState[] = [];
  for (const code of codes) {
    const own = events.get(code) ?? [];
    if (code.startsWith(CODE_PREFIX.session)) {
      const session = safely(() => foldSession(code, own));
      if (session) sessions.push(session);
    } else {
      const visit = safely(() => foldVisit(code, own));
      if (visit) visits.push(visit);
    }
  }
  await Promise.all([db.sessions.bulkPut(sessions), db.visits.bulkPut(visits)]);
}

/** The tables a projection writes: a transaction that calls reproject must include them. */
export function projectionTables(db: BewaarDexie) {
  return [db.items, db.cages, db.figureBuckets, db.sessions, db.visits];
}

/** Runs a fold; a subject whose events it cannot fold (data from a newer release it does not
 * understand) keeps its previous projection instead of failing the whole write or pull. */
function safely<T>(fold: () => T): T | null {
  try {
    return fold();
  } catch (error) {
    // Logged outside the transaction's microtasks: a console that formats errors asynchronously
    // (the test runner's) otherwise breaks Dexie's transaction zone and commits it too early.
    setTimeout(() => {
      console.error('fold failed; projection left as it was', error);
    }, 0);
    return null;
  }
}

/** Bump when the fold changes what a projection holds: devices then rebuild them at start. */
// 5: sessions and visits of repair cafés (a device may have pulled their events before it knew them).
export const PROJECTION_VERSION = 5;

/** Rebuilds every item and cage from the log when they were folded by another fold version. */
export async function ensureProjections(db: BewaarDexie): Promise<boolean> {
  const stored = (await db.meta.get('projectionVersion'))?.value;
  if (stored === PROJECTION_VERSION) return false;
  await db.transaction('rw', [...logTables(db), ...projectionTables(db)], async () => {
    // The whole log, read once: every subject is re-folded, so every page would be read anyway.
    const log = await allSubjectEvents(db);
    await db.items.clear();
    await db.cages.clear();
    await db.figureBuckets.clear();
    await db.sessions.clear();
    await db.visits.clear();
    await reproject(db, new Set(log.keys()), knownFirst(db, log));
    await db.meta.put({ key: 'projectionVersion', value: PROJECTION_VERSION });
  });
  return true;
}
