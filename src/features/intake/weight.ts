import { formatDecimalInput, parseDecimal } from '../../ui/numberInput';

/** Parses a weight typed with a decimal comma or point; `null` unless 0 < kg ≤ 1000. */
export function parseWeight(text: string): number | null {
  const kg = parseDecimal(text);
  return kg !== null && kg > 0 && kg <= 1000 ? kg : null;
}

/** A weight as the person would type it in their locale (decimal comma in nl/fr, no grouping). */
export const formatWeightInput = formatDecimalInput;
