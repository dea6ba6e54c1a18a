// The usual electrical safety-test methods, offered in the reader's language. The event keeps
// the words the technician picked or typed; a known method is shown in each reader's language
// ("PAT klasse I (EN 50678)" reads "PAT classe I (EN 50678)" in French), anything else as typed.
import { LANGS, translate, type Lang } from '../../i18n/i18n';

const KEYS = [
  'safety.method.pat-1',
  'safety.method.pat-2',
  'safety.method.visual-pat',
  'safety.method.visual',
] as const;

/** The methods to suggest, in `lang`. */
export function safetyMethods(lang: Lang): string[] {
  return KEYS.map((key) => translate(lang, key));
}

// Every language's words for every method, longest first ("PAT klasse II" before "PAT klasse I").
const KNOWN = KEYS.flatMap((key) =>
  LANGS.map((lang) => ({ key, text: translate(lang, key) })),
).sort((a, b) => b.text.length - a.text.length);

/** A recorded method in `lang`: a known method (at the start, e.g. before a standard's number)
 * in that language's words; anything else as it was written. */
export function safetyMethodIn(lang: Lang, recorded: string): string {
  const lower = recorded.toLowerCase();
  for (const { key, text } of KNOWN) {
    const next = lower.charAt(text.length);
    if (lower.startsWith(text.toLowerCase()) && (next === '' || next === ' ' || next === '(')) {
      return translate(lang, key) + recorded.slice(text.length);
    }
  }
  return recorded;
}
