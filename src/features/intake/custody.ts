// Where an item is held, as its card says it: in the park's cage, taken out of a cage at the
// shop, at the shop without a cage, or in no cage yet. Pure: the card renders what this decides.
import type { ItemState } from '../../domain';

export type Custody =
  | { kind: 'caged'; cage: string }
  /** In the park's cage, but the shop unpacked it from another one. */
  | { kind: 'caged-unpacked-other'; cage: string; unpackedFrom: string }
  /** Taken out of a cage at the shop, though no park said it put it there. */
  | { kind: 'unpacked'; cage: string }
  | { kind: 'shop-no-cage' }
  | { kind: 'none' };

/** The custody of an item. An item the shop scanned while unpacking a cage came out of that cage,
 * even when it was registered quickly at the shop and the park never caged it. */
export function custodyOf(item: Pick<ItemState, 'cage' | 'receivedAt' | 'receivedCage'>): Custody {
  const { cage, receivedCage } = item;
  if (cage !== null)
    return receivedCage !== null && receivedCage !== cage
      ? { kind: 'caged-unpacked-other', cage, unpackedFrom: receivedCage }
      : { kind: 'caged', cage };
  if (receivedCage !== null) return { kind: 'unpacked', cage: receivedCage };
  return item.receivedAt !== null ? { kind: 'shop-no-cage' } : { kind: 'none' };
}
