// Commands for roll cages at the park: open (or pick up again) a cage, close it for pickup.
import {
  getCage,
  readMeta,
  recordEvents,
  useMeta,
  writeMeta,
  deleteMeta,
  type Author,
} from '../../storage';

const SELECTED = 'selectedCage';

export type CageScanResult = 'opened' | 'selected' | 'closed';

/** A scanned cage label: a new or emptied cage is opened here, an open one is selected. */
export async function openOrSelectCage(
  author: Author,
  code: string,
  options: { reopen?: boolean } = {},
): Promise<CageScanResult> {
  const cage = await getCage(code);
  const reopen = options.reopen === true && cage?.status === 'closed';
  if (!reopen && cage && (cage.status === 'closed' || cage.status === 'collected')) return 'closed';
  let result: CageScanResult = 'selected';
  if (!cage || cage.status === 'received' || reopen) {
    await recordEvents(author, [{ type: 'cage.opened', subject: code, data: {} }]);
    result = 'opened';
  }
  await writeMeta(SELECTED, code);
  return result;
}

/** Closes the cage for pickup with the number of items the attendant counted in it and the
 * number registered in it on this device, so a difference is on record. */
export async function closeCage(
  author: Author,
  code: string,
  count: number,
  registered: number,
): Promise<void> {
  await recordEvents(author, [{ type: 'cage.closed', subject: code, data: { count, registered } }]);
  if ((await readMeta(SELECTED)) === code) await deleteMeta(SELECTED);
}

/** The cage new items go into, as chosen on this device (may have been closed since). */
export function useSelectedCageCode(): string | null | undefined {
  return useMeta(SELECTED) as string | null | undefined;
}

/** The open cage a new item goes into, read when it is saved: a form saved before its screen has
 * loaded the selected cage still cages the item, and a cage closed meanwhile takes none. */
export async function openSelectedCage(): Promise<string | null> {
  const code = await readMeta(SELECTED);
  if (typeof code !== 'string') return null;
  return (await getCage(code))?.status === 'open' ? code : null;
}

/** The driver takes a closed cage over at the park. */
export async function collectCage(author: Author, code: string): Promise<void> {
  await recordEvents(author, [{ type: 'cage.collected', subject: code, data: {} }]);
}

/** The cage arrived at the shop; its items are scanned one by one next. */
export async function receiveCage(author: Author, code: string): Promise<void> {
  await recordEvents(author, [{ type: 'cage.received', subject: code, data: {} }]);
}

/** The shop is done unpacking: items of the trip not scanned by now are missing. */
export async function finishUnpacking(author: Author, code: string): Promise<void> {
  await recordEvents(author, [{ type: 'cage.unpacked', subject: code, data: {} }]);
}
