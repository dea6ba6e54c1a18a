// The appliance category catalogue (ORDS v0.3 product categories) with names, WEEE category,
// default weight, carbon footprint, icon, search words and the sale rules' flags.
import { CATEGORY_ROWS } from './categories.data';
import { CATEGORY_WORDS, DATA_BEARING_IDS, isMainsCategory } from './categoryWords';

export type CategoryId = number;
export type Lang = 'nl' | 'fr' | 'en';

export interface Category {
  id: number;
  ordsName: string;
  name: Record<Lang, string>;
  weeeCategory: number;
  defaultWeightKg: number | null;
  footprintKgCo2e: number | null;
  factorSource: string;
  icon: string;
  synonyms: string[];
  dataBearing: boolean;
  mainsPowered: boolean;
}

export const CATEGORIES: readonly Category[] = CATEGORY_ROWS.map((row) => {
  const words = CATEGORY_WORDS.get(row.id);
  return {
    ...row,
    icon: words?.icon ?? '📦',
    synonyms: words?.synonyms ?? [],
    dataBearing: DATA_BEARING_IDS.has(row.id),
    mainsPowered: isMainsCategory(row.id),
  };
});

const BY_ID: ReadonlyMap<number, Category> = new Map(CATEGORIES.map((c) => [c.id, c]));

/** The category with this ORDS id, or undefined. */
export function categoryById(id: number): Category | undefined {
  return BY_ID.get(id);
}

// The CSV has no weight for Misc: its items range from a remote to a rowing machine. 1 kg is a
// round, visible placeholder that keeps the weight field filled; the attendant is asked to weigh.
const FALLBACK_WEIGHT_KG = 1;

/** The category's default weight in kg, or 1 kg where the reference data has none. */
export function defaultWeightKg(id: number): number {
  return categoryById(id)?.defaultWeightKg ?? FALLBACK_WEIGHT_KG;
}

/** Lower case, no accents, punctuation as single spaces: "Föhn/Sèche-cheveux" → "fohn seche cheveux". */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const LOCALES: Record<Lang, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en' };

// Every name and synonym of each category, normalised once, at the first search: not while the
// app starts (a cold start's profile at 4x slowed CPU: ~40 ms, for a screen that may never search).
let searchTerms: ReadonlyMap<number, readonly string[]> | undefined;
const termsOf = (id: number): readonly string[] =>
  (searchTerms ??= new Map(
    CATEGORIES.map((c) => [
      c.id,
      [c.name.nl, c.name.fr, c.name.en, c.ordsName, ...c.synonyms].map(normalizeSearchText),
    ]),
  )).get(id) ?? [];

const NO_MATCH = 4;

// 0 exact, 1 the term starts with the query, 2 a word of the term does, 3 substring.
function matchRank(term: string, query: string): number {
  if (term === query) return 0;
  if (term.startsWith(query)) return 1;
  if (term.includes(` ${query}`)) return 2;
  // "tosti-ijzer" is typed as "tostiijzer" too: compare without spaces as a last resort.
  if (term.includes(query) || term.replaceAll(' ', '').includes(query.replaceAll(' ', '')))
    return 3;
  return NO_MATCH;
}

/** Categories matching what someone typed, best match first; all of them for an empty query. */
export function searchCategories(query: string, lang: Lang): Category[] {
  const q = normalizeSearchText(query);
  const byName = (a: Category, b: Category) =>
    a.name[lang].localeCompare(b.name[lang], LOCALES[lang]);
  if (q === '') return [...CATEGORIES].sort(byName);
  const ranked: { category: Category; rank: number }[] = [];
  for (const category of CATEGORIES) {
    const terms = termsOf(category.id);
    const rank = Math.min(NO_MATCH, ...terms.map((t) => matchRank(t, q)));
    if (rank < NO_MATCH) ranked.push({ category, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || byName(a.category, b.category))
    .map((r) => r.category);
}
