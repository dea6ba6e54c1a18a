import { hlcWallMs } from '../domain';

/** The device-local calendar day (YYYY-MM-DD) of a moment: what "today" means at the park. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local day an item is listed under in "today"; undone items are listed under none. */
export function dayOf(item: { registeredAt: string | null; voided: boolean }): string {
  return item.registeredAt && !item.voided ? localDay(hlcWallMs(item.registeredAt)) : '';
}
