// Commands of the kringwinkel: an item's arrival and each workshop step become events in the
// device log. The rules that guard price and sale are checked in the screens before these run.
import type { EventDataMap } from '../../domain';
import { getItem, recordEvents, type Author, type EventDraft } from '../../storage';

/** Records that the item is at the shop (scanned at intake, or first seen at the bench); a
 * second scan of an item already received writes nothing. Returns whether it was new. */
export async function receiveItem(
  author: Author,
  code: string,
  cage: string | null,
): Promise<boolean> {
  const item = await getItem(code);
  if (item?.receivedAt) return false;
  await recordEvents(author, [
    { type: 'item.received', subject: code, data: cage ? { cage } : {} },
  ]);
  return true;
}

export type StepEventType =
  | 'item.inspected'
  | 'item.safety-tested'
  | 'item.function-tested'
  | 'item.repaired'
  | 'item.data-wiped'
  | 'item.rejected'
  | 'item.priced'
  | 'item.sold'
  | 'item.returned';

/** Records one workshop step's result. */
export async function recordStep<K extends StepEventType>(
  author: Author,
  code: string,
  type: K,
  data: EventDataMap[K],
): Promise<void> {
  // The draft union cannot follow the generic K; the event is validated when it is made.
  await recordEvents(author, [{ type, subject: code, data } as EventDraft]);
}
