// Lifecycle rules over folded item state. The UI uses them to guide, the server to refuse.
import { categoryById } from './categories';
import type { BewaarEvent } from './events';
import type { ItemState } from './itemState';

export type SaleBlocker =
  | 'data-wipe-required'
  | 'safety-test-required'
  | 'not-registered'
  | 'voided'
  | 'rejected'
  | 'already-sold';

/** Why the item may not be priced or sold now; empty when it may (DESIGN §3). */
export function saleBlockers(item: ItemState, action: 'price' | 'sell'): SaleBlocker[] {
  const blockers: SaleBlocker[] = [];
  // Without a registration we know no category, so we cannot tell which checks it needs.
  if (!item.registered) blockers.push('not-registered');
  if (item.voided) blockers.push('voided');
  if (item.sale) blockers.push('already-sold');
  // Pricing a rejected item is a re-assessment that supersedes the rejection (see the fold);
  // selling it straight away skips that step, so only the sale is refused.
  if (action === 'sell' && item.rejection) blockers.push('rejected');
  const category = item.category === null ? undefined : categoryById(item.category);
  if (category?.dataBearing && item.wipe?.verified !== true) blockers.push('data-wipe-required');
  // Only the latest test counts: a fail after a pass means the device is unsafe now.
  if (category?.mainsPowered && item.safety?.result !== 'pass')
    blockers.push('safety-test-required');
  return blockers;
}

/** Whether the event may be applied to the item: price and sale events must pass saleBlockers. */
export function canApply(
  item: ItemState,
  event: BewaarEvent,
): { ok: true } | { ok: false; blockers: SaleBlocker[] } {
  if (event.type !== 'item.priced' && event.type !== 'item.sold') return { ok: true };
  const blockers = saleBlockers(item, event.type === 'item.priced' ? 'price' : 'sell');
  return blockers.length === 0 ? { ok: true } : { ok: false, blockers };
}
