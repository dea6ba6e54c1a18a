// Numbers as people type them here: a decimal comma or point, spaces ignored, no signs.

/** Parses a non-negative decimal typed with a comma or a point; `null` when it is not one. */
export function parseDecimal(text: string): number | null {
  const normal = text.trim().replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normal) ? Number(normal) : null;
}

/** A number as the person would type it in their locale (decimal comma in nl/fr, no grouping). */
export function formatDecimalInput(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: false }).format(
    value,
  );
}
