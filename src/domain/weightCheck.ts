// How plausible a weight is for a kind of appliance, from the category's typical weight (the
// reference data's default weight). Pure: the form asks, the schema keeps the hard limit.
import { categoryById } from './categories';

/** No appliance at a park weighs more; the event schema refuses anything above it. */
export const MAX_WEIGHT_KG = 1000;

/** Above this many times a kind's typical weight the form asks whether the weight is right. */
export const PLAUSIBLE_FACTOR = 5;

/** A light kind still gets this much room (a phone in a 6 kg dock is no typo). */
export const PLAUSIBLE_FLOOR_KG = 10;

// Kinds whose reference weight describes only their light end: ORDS "Large household appliance"
// is 5.84 kg in the Fixometer data, but at a park it is a washing machine or a fridge (50–100 kg).
// Misc has no typical weight at all, so only the hard maximum applies to it.
const PLAUSIBLE_OVERRIDE_KG: ReadonlyMap<number, number | null> = new Map([
  [17, 150],
  [18, null],
]);

/** The heaviest weight taken without a question for this kind: max(5 × typical, 10 kg), or the
 * override above; null when any weight up to the hard maximum is plausible. */
export function plausibleMaxKg(categoryId: number): number | null {
  if (PLAUSIBLE_OVERRIDE_KG.has(categoryId)) return PLAUSIBLE_OVERRIDE_KG.get(categoryId) ?? null;
  const typical = categoryById(categoryId)?.defaultWeightKg ?? null;
  if (typical === null) return null;
  return Math.max(PLAUSIBLE_FACTOR * typical, PLAUSIBLE_FLOOR_KG);
}

export type WeightCheck = 'ok' | 'ask' | 'too-heavy';

/** `too-heavy` above the hard maximum (refused), `ask` above the kind's plausible range. */
export function checkWeight(categoryId: number, kg: number): WeightCheck {
  if (kg > MAX_WEIGHT_KG) return 'too-heavy';
  const max = plausibleMaxKg(categoryId);
  return max !== null && kg > max ? 'ask' : 'ok';
}
