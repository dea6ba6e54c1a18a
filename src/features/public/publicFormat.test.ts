import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LANGS, LOCALE } from '../../i18n/i18n';
import { formats } from '../../i18n/format';
import { publicDate, publicMoney } from './publicFormat';

describe('the public card writes money and dates as the app does, without Intl', () => {
  it.each(LANGS)('money in %s is what the app writes, cent for cent', (lang) => {
    const intl = formats(LOCALE[lang]);
    for (const eur of [0, 0.5, 5, 24.5, 999.99, 1000, 1234.5, 99_999.99]) {
      expect(publicMoney(eur, lang)).toBe(intl.money(eur));
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (cents) => {
        expect(publicMoney(cents / 100, lang)).toBe(intl.money(cents / 100));
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it.each(LANGS)(
    'a day in %s is what Intl writes with the day, the month in words and the year',
    (lang) => {
      const intl = new Intl.DateTimeFormat(LOCALE[lang], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      for (let month = 1; month <= 12; month++) {
        for (const date of [1, 9, 28]) {
          const day = `2026-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
          expect(publicDate(day, lang)).toBe(intl.format(Date.parse(`${day}T12:00:00Z`)));
        }
      }
    },
  );
});
