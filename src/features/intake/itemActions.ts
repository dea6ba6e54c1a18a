// Commands of the park intake: each turns a person's action into events in the device log.
import type { BewaarEvent, EventDataMap } from '../../domain';
import { recordEvents, type Author, type EventDraft } from '../../storage';

export type RegisteredData = EventDataMap['item.registered'];
export type CorrectionData = EventDataMap['item.corrected'];

/** Registers a new item and, when a cage is open, puts it in that cage in the same write. */
export async function registerItem(
  author: Author,
  code: string,
  data: RegisteredData,
  cage: string | null,
): Promise<BewaarEvent[]> {
  const drafts: EventDraft[] = [{ type: 'item.registered', subject: code, data }];
  if (cage) drafts.push({ type: 'item.caged', subject: code, data: { cage } });
  return recordEvents(author, drafts);
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
