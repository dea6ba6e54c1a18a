import { formatDecimalInput, parseDecimal } from '../../ui/numberInput';

/** Parses a weight typed with a decimal comma or point; `null` unless it is more than 0 kg (the
 * upper limits are checkWeight's, so the message can name them). */
export function parseWeight(text: string): number | null {
  const kg = parseDecimal(text);
  return kg !== null && kg > 0 ? kg : null;
}

/** A weight as the person would type it in their locale (decimal comma in nl/fr, no grouping). */
export const formatWeightInput = formatDecimalInput;
