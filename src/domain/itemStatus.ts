// Derivation of an item's lifecycle status from its folded state (and, for transit, its cage).
import { tripOf, type CageState } from './cageState';
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
    // Cage events stamped before the item went in (a skewed clock, or a late caging into a cage
    // that had left) do not move it on.
    const trip = tripOf(cage, cagedAt);
    if (trip.unpackedAt !== null && trip.unpackedAt >= cagedAt) return 'missing';
    const left = trip.collectedAt ?? trip.receivedAt;
    if (left !== null && left >= cagedAt) return 'in-transit';
  }
  return 'caged';
}
