// Numbers, money, units and sorting as the reader's locale writes them (nl-BE "€ 1.234,50",
// fr-BE "1 234,50 €", en-GB "€1,234.50"): every screen formats through here, never by hand.
// Pure: each Intl object is built on its first use and kept per locale and options.

const numberFormats = new Map<string, Intl.NumberFormat>();
const collators = new Map<string, Intl.Collator>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

// Some locales' data put an ordinary space between a number and its unit ("2.492,1 kg"), which
// lets a narrow card break it in two: every result here holds together.
const together = (text: string) => text.replaceAll(' ', '\u00a0');

function collator(locale: string): Intl.Collator {
  let made = collators.get(locale);
  if (!made) {
    // Numeric: "Oven 2" before "Oven 10"; base sensitivity: "é" sorts with "e".
    made = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    collators.set(locale, made);
  }
  return made;
}

const unit = (name: string, maxDecimals: number): Intl.NumberFormatOptions => ({
  style: 'unit',
  unit: name,
  unitDisplay: 'short',
  maximumFractionDigits: maxDecimals,
});

export interface Formats {
  /** A plain number with at most `maxDecimals` decimals: "1.234,5". */
  number: (value: number, maxDecimals?: number) => string;
  /** An amount in euro, always with cents: "€ 24,50" / "24,50 €" / "€24.50". */
  money: (eur: number) => string;
  /** A ratio (0.034) as a percentage: "3,4%" / "3,4 %". */
  percent: (ratio: number, maxDecimals?: number) => string;
  /** A weight: "2,5 kg". */
  kg: (value: number, maxDecimals?: number) => string;
  /** Hours in the locale's own unit: "77,7 uur" / "77,7 h" / "77.7 hrs". */
  hours: (value: number, maxDecimals?: number) => string;
  /** Minutes: "61 min" / "61 mins". */
  minutes: (value: number) => string;
  /** A size in megabytes: "12,3 MB" / "12,3 Mo". */
  megabytes: (value: number, maxDecimals?: number) => string;
  /** Compares two names in the reader's alphabet. */
  compare: (a: string, b: string) => number;
  /** A copy of `list` sorted by `name` in the reader's alphabet. */
  sortBy: <T>(list: readonly T[], name: (entry: T) => string) => T[];
}

/** The formatters of a locale (`nl-BE`, `fr-BE`, `en-GB`). */
export function formats(locale: string): Formats {
  const compare = (a: string, b: string) => collator(locale).compare(a, b);
  const format = (options: Intl.NumberFormatOptions, value: number) =>
    together(numberFormat(locale, options).format(value));
  return {
    number: (value, maxDecimals = 2) => format({ maximumFractionDigits: maxDecimals }, value),
    money: (eur) => format({ style: 'currency', currency: 'EUR' }, eur),
    percent: (ratio, maxDecimals = 1) =>
      format({ style: 'percent', maximumFractionDigits: maxDecimals }, ratio),
    kg: (value, maxDecimals = 1) => format(unit('kilogram', maxDecimals), value),
    hours: (value, maxDecimals = 1) => format(unit('hour', maxDecimals), value),
    minutes: (value) => format(unit('minute', 0), value),
    megabytes: (value, maxDecimals = 1) => format(unit('megabyte', maxDecimals), value),
    compare,
    sortBy: (list, name) => [...list].sort((a, b) => compare(name(a), name(b))),
  };
}
