import { describe, expect, it } from 'vitest';
import { LANGS, translate, type Lang } from './i18n';
import type { MessageKey } from './nl';

// Pairs of keys that name different actions or states on the same screens: a person must be
// able to tell them apart by their words alone.
const DISTINCT: [MessageKey, MessageKey][] = [
  ['nav.intake', 'form.save'], // the tab that registers vs the button that saves
  ['nav.intake', 'step.save'],
  ['common.cancel', 'common.undo'], // close a question vs take back the last appliance
  ['common.cancel', 'today.undo-last'],
  ['sync.online', 'settings.person'], // the network vs who is signed in
  ['enroll.submit', 'form.save'],
];

const firstWord = (lang: Lang, key: MessageKey) =>
  translate(lang, key).toLowerCase().split(/[\s(]/)[0] ?? '';

describe('distinct actions have distinct words', () => {
  for (const lang of LANGS) {
    it(`in ${lang}`, () => {
      for (const [a, b] of DISTINCT) {
        expect(firstWord(lang, a), `${a} vs ${b}`).not.toBe(firstWord(lang, b));
      }
    });
  }

  it('French says "online" for the connection, not "connecté" (signed in)', () => {
    expect(translate('fr', 'sync.online')).toBe('En ligne');
    expect(translate('fr', 'settings.person')).not.toMatch(/connect/i);
  });
});
