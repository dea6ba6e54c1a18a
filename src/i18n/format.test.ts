import { describe, expect, it } from 'vitest';
import { formats } from './format';
import { translator } from './i18n';

// Intl separates groups and units with no-break spaces (U+00A0, U+202F); shown here as plain
// spaces so the expectations read as a person sees them.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formats', () => {
  const nl = formats('nl-BE');
  const fr = formats('fr-BE');
  const en = formats('en-GB');

  it('writes money with cents in each locale', () => {
    expect(plain(nl.money(1234.5))).toBe('€ 1.234,50');
    expect(plain(fr.money(1234.5))).toBe('1 234,50 €');
    expect(plain(en.money(13327.5))).toBe('€13,327.50');
    expect(plain(fr.money(24.5))).toBe('24,50 €');
  });

  it('writes hours in the locale’s own unit, never the Dutch "u" in French or English', () => {
    expect(plain(nl.hours(77.66))).toBe('77,7 uur');
    expect(plain(fr.hours(77.66))).toBe('77,7 h');
    expect(plain(en.hours(77.66))).toBe('77.7 hrs');
    for (const f of [fr, en]) expect(f.hours(1)).not.toMatch(/\bu\b/);
    expect(plain(en.minutes(61))).toBe('61 mins');
    expect(plain(fr.minutes(61))).toBe('61 min');
  });

  it('writes decimals, weights and percentages with the locale’s separators', () => {
    expect(nl.number(0.5)).toBe('0,5');
    expect(en.number(32.07)).toBe('32.07');
    expect(plain(fr.number(2492.14, 1))).toBe('2 492,1');
    expect(plain(nl.kg(2492.14))).toBe('2.492,1 kg');
    expect(plain(en.kg(2492.14))).toBe('2,492.1 kg');
    expect(plain(nl.percent(0.034))).toBe('3,4%');
    expect(plain(fr.percent(0.034))).toBe('3,4 %');
    expect(plain(en.percent(0.034))).toBe('3.4%');
    expect(plain(fr.megabytes(12.34))).toBe('12,3 Mo');
  });

  it('keeps a number and its unit together: no breakable space inside', () => {
    for (const f of [nl, fr, en]) {
      for (const text of [f.kg(2492.14), f.money(1234.5), f.hours(77.7), f.percent(0.5)]) {
        expect(text).not.toMatch(/ /);
      }
    }
  });

  it('sorts names in the reader’s alphabet', () => {
    const kinds = ['Électroménager', 'Ordinateur', 'Aspirateur', 'éclairage', 'Four 10', 'Four 2'];
    expect(fr.sortBy(kinds, (k) => k)).toEqual([
      'Aspirateur',
      'éclairage',
      'Électroménager',
      'Four 2',
      'Four 10',
      'Ordinateur',
    ]);
  });
});

describe('translator', () => {
  it('offers the same formatters for its language', () => {
    expect(plain(translator('fr').money(1234.5))).toBe('1 234,50 €');
    expect(plain(translator('en').hours(2))).toBe('2 hrs');
    expect(plain(translator('nl').number(1234.5))).toBe('1.234,5');
  });
});
