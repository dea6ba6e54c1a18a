/** Parses a weight typed with a decimal comma or point; `null` unless 0 < kg ≤ 1000. */
export function parseWeight(text: string): number | null {
  const normal = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normal)) return null;
  const kg = Number(normal);
  return kg > 0 && kg <= 1000 ? kg : null;
}

/** A weight as the person would type it in their locale (decimal comma in nl/fr, no grouping). */
export function formatWeightInput(kg: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: false }).format(kg);
}
