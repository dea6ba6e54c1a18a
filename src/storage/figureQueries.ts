// Read side of the coordinator's figures: every item's figure line from the packed store (read
// once per change), and for the exports every item projection and the whole event log.
import { useLiveQuery } from 'dexie-react-hooks';
import type { BewaarEvent, FigureLine } from '../domain';
import { getDb, type ItemRow } from './db';
import { readFigureLines } from './figureStore';
import { allLoggedEvents } from './log';

/** The figure line of every item this device holds, to iterate (each line object is reused);
 * re-read when any of them changes. */
export function useFigureLines(): Iterable<FigureLine> | undefined {
  return useLiveQuery(() => readFigureLines(getDb()));
}

/** Every item projection this device holds (for the exports). */
export async function allItems(): Promise<ItemRow[]> {
  return getDb().items.toArray();
}

/** Every event this device holds (for the traceability export), oldest first. */
export async function allEvents(): Promise<BewaarEvent[]> {
  return allLoggedEvents(getDb());
}
