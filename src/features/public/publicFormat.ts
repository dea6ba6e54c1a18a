// Money and dates on the public card, written without Intl: on a shopper's phone the first
// Intl.NumberFormat or DateTimeFormat a page builds loads the locale's ICU data, 140–250 ms of
// main thread at a phone's speed (Chromium, CPU slowed 4×) — longer than the rest of the card.
// The output is the same as the app's Intl formatters (src/i18n/format.ts); the test holds them
// to each other.
import type { Lang } from '../../i18n/i18n';

const MONTHS: Record<Lang, readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';
/** Thousands separator and decimal comma or point, as each locale writes money. */
const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  nl: { group: '.', decimal: ',' },
  fr: { group: NARROW_NBSP, decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** A price in euro with cents: nl-BE "€ 1.234,50", fr-BE "1 234,50 €", en-GB "€1,234.50". */
export function publicMoney(eur: number, lang: Lang): string {
  const cents = Math.round(Math.abs(eur) * 100);
  const whole = String(Math.floor(cents / 100)).replace(
    /\B(?=(\d{3})+(?!\d))/g,
    SEPARATORS[lang].group,
  );
  const amount = `${whole}${SEPARATORS[lang].decimal}${String(cents % 100).padStart(2, '0')}`;
  const sign = eur < 0 ? '-' : '';
  if (lang === 'fr') return `${sign}${amount}${NBSP}€`;
  if (lang === 'nl') return `€${NBSP}${sign}${amount}`;
  return `${sign}€${amount}`;
}

/** A day (YYYY-MM-DD) in words: "3 maart 2026", "3 mars 2026", "3 March 2026". */
export function publicDate(day: string, lang: Lang): string {
  const [year, month, date] = day.split('-').map(Number);
  const name = MONTHS[lang][(month ?? 1) - 1] ?? '';
  return `${String(date)} ${name} ${String(year)}`;
}
