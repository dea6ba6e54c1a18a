// The impact of one reused item by the restarters.net method (see method.ts): weight for waste
// avoided, the category's pre-use footprint × displacement for CO2e avoided.
import { categoryById } from '../categories';
import type { ItemState } from '../itemState';

/** Share of a new product's footprint that one second-hand sale displaces (restarters.net). */
export const DISPLACEMENT_FACTOR = 0.5;
/** kg CO2e per kg for powered items of a category without a footprint (restarters.net, Misc). */
export const MISC_KGCO2E_PER_KG = 32.07;
/** kg CO2e per kg for unpowered items at a repair café (textile, bikes, furniture …;
 * restarters.net's constant for unpowered items). */
export const UNPOWERED_KGCO2E_PER_KG = 17.7;

type Weighable = Pick<ItemState, 'weightKg' | 'category'>;

/**
 * The item's weight in kg: as registered or corrected (weighed or estimated), else its category's
 * default weight, else 0 (an item scanned at the shop with no registration has nothing to go on).
 */
export function itemKg(item: Weighable): number {
  if (item.weightKg !== null) return item.weightKg;
  return (item.category === null ? null : categoryById(item.category)?.defaultWeightKg) ?? 0;
}

/**
 * CO2e avoided by reusing the item, in kg: footprint × 0.5; where the category has no footprint
 * (Misc, Musical instrument, or no category known) weight × 32.07 × 0.5. Every Bewaar item comes
 * from the WEEE stream, so it counts as powered.
 */
export function co2eAvoidedKg(item: Weighable): number {
  const footprint = item.category === null ? null : categoryById(item.category)?.footprintKgCo2e;
  return (footprint ?? itemKg(item) * MISC_KGCO2E_PER_KG) * DISPLACEMENT_FACTOR;
}

// Sums are kept in whole grams (and cents) so that totals are exact and add up across any split
// of the items; one gram per item is far below what a scale or a footprint estimate can tell.
/** kg → whole grams. */
export const grams = (kg: number): number => Math.round(kg * 1000);
/** € → whole cents. */
export const cents = (eur: number): number => Math.round(eur * 100);
