// Commands of the park intake: each turns a person's action into events in the device log.
import type { BewaarEvent, EventDataMap, ItemState } from '../../domain';
import { recordEvents, type Author, type EventDraft } from '../../storage';
import { openSelectedCage } from '../cages/cageActions';

export type RegisteredData = EventDataMap['item.registered'];
export type CorrectionData = EventDataMap['item.corrected'];

function registration(code: string, data: RegisteredData, cage: string | null): EventDraft[] {
  const drafts: EventDraft[] = [{ type: 'item.registered', subject: code, data }];
  if (cage) drafts.push({ type: 'item.caged', subject: code, data: { cage } });
  return drafts;
}

/** Registers a new item and, when a cage is given, puts it in that cage in the same write. */
export async function registerItem(
  author: Author,
  code: string,
  data: RegisteredData,
  cage: string | null,
): Promise<BewaarEvent[]> {
  return recordEvents(author, registration(code, data, cage));
}

/** Registers a new item into the cage selected on this device if it is open, as it stands when
 * the write runs: looked up inside the write's own transaction, so a form saved before its screen
 * had loaded the cage still cages the item, a cage closed meanwhile takes none, and the save
 * makes no round trips to IndexedDB of its own before the write. */
export async function registerIntoSelectedCage(
  author: Author,
  code: string,
  data: RegisteredData,
): Promise<BewaarEvent[]> {
  return recordEvents(author, async () => registration(code, data, await openSelectedCage()));
}

/** Records the fields a person corrected; nothing is written when nothing changed. */
export async function correctItem(
  author: Author,
  code: string,
  changes: CorrectionData,
): Promise<boolean> {
  if (Object.keys(changes).length === 0) return false;
  await recordEvents(author, [{ type: 'item.corrected', subject: code, data: changes }]);
  return true;
}

/** Takes back a registration made by mistake (undo); the item leaves lists and its cage. */
export async function voidItem(author: Author, code: string): Promise<void> {
  await recordEvents(author, [{ type: 'item.voided', subject: code, data: {} }]);
}

/** Puts an already registered item into a cage. */
export async function cageItem(author: Author, code: string, cage: string): Promise<void> {
  await recordEvents(author, [{ type: 'item.caged', subject: code, data: { cage } }]);
}

/** The item's registered fields as its fold holds them now (for a correction form or a restore);
 * fields the fold never saw get the form's neutral defaults. */
export function registrationOf(item: ItemState): RegisteredData {
  const data: RegisteredData = {
    category: item.category ?? 18,
    condition: item.condition ?? 'unknown',
    complete: item.complete ?? false,
    weightKg: item.weightKg ?? 1,
    weighed: item.weighed,
    photos: item.photos,
  };
  if (item.brand) data.brand = item.brand;
  if (item.model) data.model = item.model;
  if (item.description) data.description = item.description;
  if (item.note) data.note = item.note;
  return data;
}
