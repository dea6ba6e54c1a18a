// Item and cage projections: the folded state of each subject, rebuilt from its events inside the
// caller's transaction whenever one of its events (or its cage's) is written.
import { foldCage, foldItem, parseCode, type CageState } from '../domain';
import type { BewaarDexie, ItemRow } from './db';
import { dayOf } from './localDay';

/** Re-folds the given subjects; a cage's change re-folds the items that lie in it. */
export async function reproject(db: BewaarDexie, subjects: ReadonlySet<string>): Promise<void> {
  const items = new Set<string>();
  for (const code of subjects) {
    const parsed = parseCode(code);
    if (!parsed.ok) continue;
    if (parsed.kind === 'cage') {
      const events = await db.events.where('subject').equals(code).toArray();
      await db.cages.put(foldCage(code, events));
      const inCage = await db.items.where('cage').equals(code).primaryKeys();
      inCage.forEach((c) => items.add(c));
    } else {
      items.add(code);
    }
  }
  for (const code of items) await projectItem(db, code);
}

async function projectItem(db: BewaarDexie, code: string): Promise<void> {
  const events = await db.events.where('subject').equals(code).toArray();
  // The item's status depends on its cage's trip, so fold once to learn the cage, then with it.
  const cageCode = foldItem(code, events).cage;
  const cage: CageState | null = cageCode ? ((await db.cages.get(cageCode)) ?? null) : null;
  const state = foldItem(code, events, cage);
  const row: ItemRow = {
    ...state,
    day: dayOf(state),
  };
  await db.items.put(row);
}

/** Bump when the fold changes what a projection holds: devices then rebuild them at start. */
export const PROJECTION_VERSION = 1;

/** Rebuilds every item and cage from the log when they were folded by another fold version. */
export async function ensureProjections(db: BewaarDexie): Promise<boolean> {
  const stored = (await db.meta.get('projectionVersion'))?.value;
  if (stored === PROJECTION_VERSION) return false;
  await db.transaction('rw', [db.events, db.items, db.cages, db.meta], async () => {
    const subjects = new Set((await db.events.orderBy('subject').uniqueKeys()) as string[]);
    await db.items.clear();
    await db.cages.clear();
    await reproject(db, subjects);
    await db.meta.put({ key: 'projectionVersion', value: PROJECTION_VERSION });
  });
  return true;
}
