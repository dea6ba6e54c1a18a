// Derivation of an item's lifecycle status from its folded state (and, for transit, its cage).
import type { CageState } from './cageState';
import type { ItemState, ItemStatus } from './itemState';

/** The lifecycle status from what is present, furthest stage first, never from arrival order. */
export function deriveStatus(
  item: ItemState,
  priceInForce: boolean,
  atWorkshop: boolean,
  cage: CageState | null,
): ItemStatus {
  if (item.voided) return 'voided';
  if (item.sale) return 'sold';
  if (item.rejection) return 'rejected';
  if (priceInForce) return 'for-sale';
  if (atWorkshop) return 'in-repair';
  if (item.receivedAt) return 'received';
  const cagedAt = item.cagedAt;
  if (cagedAt === null) return 'registered';
  if (cage && cage.code === item.cage) {
    if (cage.receivedAt !== null && cage.receivedAt >= cagedAt) return 'received';
    // Caged before the cage's current trip began: that earlier trip ended at the shop.
    if (cage.openedAt !== null && cagedAt < cage.openedAt) return 'received';
    if (cage.collectedAt !== null && cage.collectedAt >= cagedAt) return 'in-transit';
  }
  // 'missing' (in a received cage but never scanned at intake) is left for the next issue.
  return 'caged';
}
