import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CATEGORIES,
  categoryById,
  defaultWeightKg,
  normalizeSearchText,
  searchCategories,
} from './categories';
import type { Lang } from './categories';

const first = (query: string, lang: Lang = 'nl') => searchCategories(query, lang)[0]?.ordsName;

describe('catalogue', () => {
  it('has the 40 ORDS categories, ids 1..40, each complete', () => {
    expect(CATEGORIES.map((c) => c.id)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (const c of CATEGORIES) {
      for (const name of [c.name.nl, c.name.fr, c.name.en])
        expect(name.trim().length).toBeGreaterThan(0);
      expect(c.icon).not.toBe('');
      expect(c.weeeCategory).toBeGreaterThanOrEqual(1);
      expect(c.weeeCategory).toBeLessThanOrEqual(6);
      if (c.ordsName !== 'Misc') expect(c.synonyms.length).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps the quoted CSV field intact', () => {
    expect(categoryById(8)?.factorSource).toBe('Flat screen 22-24"');
  });

  it('marks exactly the data-bearing categories of DESIGN §3', () => {
    const ids = CATEGORIES.filter((c) => c.dataBearing).map((c) => c.id);
    expect(ids).toEqual([4, 5, 6, 10, 16, 19, 25, 30, 38]);
  });

  it('treats battery devices as not mains and chargers, laptops and kitchen items as mains', () => {
    for (const id of [19, 10, 5, 11, 35, 32]) expect(categoryById(id)?.mainsPowered).toBe(false);
    for (const id of [2, 16, 29, 14, 24, 17, 18]) expect(categoryById(id)?.mainsPowered).toBe(true);
  });

  it('falls back to 1 kg only where the data has no weight', () => {
    expect(categoryById(18)?.defaultWeightKg).toBeNull();
    expect(defaultWeightKg(18)).toBe(1);
    expect(defaultWeightKg(19)).toBe(0.151);
    expect(defaultWeightKg(999)).toBe(1);
    expect(categoryById(0)).toBeUndefined();
  });

  it('does not repeat a synonym within a category', () => {
    for (const c of CATEGORIES) expect(new Set(c.synonyms).size).toBe(c.synonyms.length);
  });
});

describe('searchCategories', () => {
  it.each([
    ['gsm', 'Mobile'],
    ['GSM', 'Mobile'],
    ['smartphone', 'Mobile'],
    ['microgolf', 'Small kitchen item'],
    ['microgolfoven', 'Small kitchen item'],
    ['magnetron', 'Small kitchen item'],
    ['stofzuiger', 'Vacuum'],
    ['frietketel', 'Small kitchen item'],
    ['frituurpan', 'Small kitchen item'],
    ['friteuse', 'Small kitchen item'],
    ['föhn', 'Hair dryer'],
    ['fohn', 'Hair dryer'],
    ['sèche-cheveux', 'Hair dryer'],
    ['seche cheveux', 'Hair dryer'],
    ['waterkoker', 'Kettle'],
    ['senseo', 'Coffee maker'],
    ['koffiemachine', 'Coffee maker'],
    ['strijkijzer', 'Iron'],
    ['schroefboormachine', 'Power tool'],
    ['decoupeerzaag', 'Power tool'],
    ['tv', 'Flat screen'],
    ['televisie', 'Flat screen'],
    ['monitor', 'Flat screen'],
    ['radio', 'Portable radio'],
    ['wekker', 'Watch/clock'],
    ['staafmixer', 'Food processor'],
    ['keukenrobot', 'Food processor'],
    ['broodrooster', 'Toaster'],
    ['ventilator', 'Fan'],
    ['bureaulamp', 'Lamp'],
    ['printer', 'Printer/scanner'],
    ['playstation', 'Games console'],
    ['xbox', 'Games console'],
    ['nintendo switch', 'Games console'],
    ['gameboy', 'Handheld entertainment device'],
    ['ipad', 'Tablet'],
    ['pc', 'Desktop computer'],
    ['computer', 'Desktop computer'],
    ['notebook', 'Laptop'],
    ['hoofdtelefoon', 'Headphones'],
    ['oplader', 'Battery/charger/adapter'],
    ['naaimachine', 'Sewing machine'],
    ['wafelijzer', 'Small kitchen item'],
    ['tosti-ijzer', 'Small kitchen item'],
    ['tostiijzer', 'Small kitchen item'],
    ['raclette', 'Small kitchen item'],
    ['koelkast', 'Large home electrical'],
    ['droogkast', 'Large home electrical'],
    ['vaatwasser', 'Large home electrical'],
    ['stijltang', 'Hair & beauty item'],
    ['scheerapparaat', 'Hair & beauty item'],
    ['speelgoed', 'Toy'],
    ['klok', 'Watch/clock'],
    ['aspirateur', 'Vacuum'],
    ['grille-pain', 'Toaster'],
    ['Écran', 'Flat screen'],
  ])('%s → %s', (query, ordsName) => {
    expect(first(query)).toBe(ordsName);
  });

  it('ranks exact before prefix before substring', () => {
    // "lamp": exact name of Lamp; "lampjes"-like terms of Decorative lights come later.
    const names = searchCategories('lamp', 'nl').map((c) => c.ordsName);
    expect(names[0]).toBe('Lamp');
    expect(names).toContain('Decorative or safety lights');
    // "oven": exact for Large home electrical, substring of "microgolfoven".
    expect(
      searchCategories('oven', 'nl')
        .map((c) => c.ordsName)
        .slice(0, 2),
    ).toEqual(['Large home electrical', 'Small kitchen item']);
  });

  it('returns all categories sorted by name for an empty query', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const names = searchCategories('  ', lang).map((c) => c.name[lang]);
      expect(names).toHaveLength(40);
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, lang)));
    }
  });

  it('finds nothing for gibberish', () => {
    expect(searchCategories('qqxqq', 'nl')).toEqual([]);
  });

  it('finds every category by each of its own names and synonyms', () => {
    const cases = CATEGORIES.flatMap((c) =>
      [c.name.nl, c.name.fr, c.name.en, ...c.synonyms].map((t) => [c, t] as const),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.constantFrom<Lang>('nl', 'fr', 'en'),
        ([category, term], lang) => {
          expect(searchCategories(term, lang)).toContain(category);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ignores case and accents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CATEGORIES.flatMap((c) => c.synonyms)), (word) => {
        const loud = word.toUpperCase();
        expect(searchCategories(loud, 'nl')).toEqual(searchCategories(word, 'nl'));
        expect(normalizeSearchText(loud)).toBe(normalizeSearchText(word));
      }),
      { numRuns: 200 },
    );
  });
});
