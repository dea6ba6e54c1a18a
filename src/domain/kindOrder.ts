// Which kinds of appliance the intake form offers first: the ones this park logs most, learned
// from its own registrations, and before a park has any, the kinds parks usually set aside.
import { CATEGORIES } from './categories';

/** What a park's reuse cage usually holds, most frequent first (vacuum cleaner, coffee maker,
 * microwave and other small kitchen appliances, iron, kettle, toaster, food processor, lamp,
 * small household, hi-fi, flat screen, power tool). Used until the park's own counts decide. */
export const USUAL_KINDS: readonly number[] = [34, 36, 29, 40, 14, 31, 37, 15, 28, 13, 8, 24];

/** Counts of item.registered per category, for the site's own live items. */
export type KindCounts = ReadonlyMap<number, number>;

/** Every category id, the most logged first; ties (and kinds never logged) in the usual order,
 * then by id, so the order is the same on every device with the same counts. */
export function rankKinds(counts: KindCounts): number[] {
  const usual = (id: number) => {
    const at = USUAL_KINDS.indexOf(id);
    return at < 0 ? USUAL_KINDS.length : at;
  };
  return CATEGORIES.map((c) => c.id).sort(
    (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || usual(a) - usual(b) || a - b,
  );
}

/** Adds one registration of a kind to the counts (a save on this device). */
export function countKind(counts: KindCounts, category: number): KindCounts {
  return new Map(counts).set(category, (counts.get(category) ?? 0) + 1);
}
