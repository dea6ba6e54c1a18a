// Language choice; each language is named in itself so anyone can find theirs.
import { useId } from 'react';
import { LANGS, useLangStore, useT, type Lang } from '../i18n/i18n';

const NATIVE: Record<Lang, string> = { nl: 'Nederlands', fr: 'Français', en: 'English' };

/** A select with the three languages. */
export function LanguagePicker() {
  const { t } = useT();
  const id = useId();
  const lang = useLangStore((s) => s.lang);
  const setLang = useLangStore((s) => s.setLang);
  return (
    <div className="field language-picker">
      <label htmlFor={id}>{t('settings.language')}</label>
      <select
        id={id}
        value={lang}
        onChange={(e) => {
          setLang(e.target.value as Lang);
        }}
      >
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {NATIVE[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
