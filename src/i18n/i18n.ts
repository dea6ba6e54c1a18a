// Translation and locale formatting. Dutch (nl-BE) is the source language; French and English
// must provide every key (the compiler checks). Plurals use Intl.PluralRules.
import { create } from '../state/store';
import { en } from './en';
import { formats, type Formats } from './format';
import { fr } from './fr';
import { nl, type MessageKey } from './nl';

export type Lang = 'nl' | 'fr' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'fr', 'en'];
export const LOCALE: Record<Lang, string> = { nl: 'nl-BE', fr: 'fr-BE', en: 'en-GB' };
const MESSAGES: Record<Lang, Record<MessageKey, string>> = { nl, fr, en };
const STORAGE_KEY = 'bewaar.lang';

export type Params = Record<string, string | number>;

function initialLang(): Lang {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return saved === 'fr' || saved === 'en' || saved === 'nl' ? saved : 'nl';
}

interface LangState {
  lang: Lang;
  setLang: (lang: Lang) => void;
}

export const useLangStore = create<LangState>((set) => ({
  lang: initialLang(),
  setLang: (lang) => {
    localStorage.setItem(STORAGE_KEY, lang);
    document.documentElement.lang = LOCALE[lang];
    set({ lang });
  },
}));

/** Fills `{name}` placeholders; numbers are formatted for the locale. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = MESSAGES[lang][key];
  if (!params) return template;
  const locale = LOCALE[lang];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value !== 'number') return value;
    // Counts under 1,000 read the same in every locale here; Intl's first use loads its data.
    if (Number.isInteger(value) && value >= 0 && value < 1000) return String(value);
    return new Intl.NumberFormat(locale).format(value);
  });
}

export interface Translator extends Formats {
  lang: Lang;
  locale: string;
  t: (key: MessageKey, params?: Params) => string;
  /** Picks `<key>.one` / `<key>.other` by Intl plural rules and fills `{count}`. */
  tn: (key: PluralBase, count: number, params?: Params) => string;
  date: (ms: number) => string;
  time: (ms: number) => string;
  dateTime: (ms: number) => string;
  /** "november 2026" for `2026-11`. */
  monthName: (month: string) => string;
}

type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

/** A translator for a language (pure; usable outside React). */
export function translator(lang: Lang): Translator {
  const locale = LOCALE[lang];
  // Each formatter is built on its first use: building them all for each language at load cost
  // the cold start ~50 ms at 4x slowed CPU (profile), and most screens use one or two.
  const lazy = <T>(make: () => T): (() => T) => {
    let made: T | undefined;
    return () => (made ??= make());
  };
  const plural = lazy(() => new Intl.PluralRules(locale));
  const dateFmt = lazy(
    () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }),
  );
  const timeFmt = lazy(
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }),
  );
  const dateTimeFmt = lazy(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
  );
  const monthFmt = lazy(
    () => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  );
  return {
    ...formats(locale),
    lang,
    locale,
    t: (key, params) => translate(lang, key, params),
    tn: (key, count, params) => {
      const form = plural().select(count) === 'one' ? 'one' : 'other';
      return translate(lang, `${key}.${form}` as MessageKey, { ...params, count });
    },
    date: (ms) => dateFmt().format(ms),
    time: (ms) => timeFmt().format(ms),
    dateTime: (ms) => dateTimeFmt().format(ms),
    monthName: (month) => monthFmt().format(Date.parse(`${month}-15T12:00:00Z`)),
  };
}

const cache = new Map<Lang, Translator>();

/** The translator for the chosen language; re-renders when the language changes. */
export function useT(): Translator {
  const lang = useLangStore((s) => s.lang);
  let tr = cache.get(lang);
  if (!tr) {
    tr = translator(lang);
    cache.set(lang, tr);
  }
  return tr;
}
