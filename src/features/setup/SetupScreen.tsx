// First start on a device: which park it stands at and who works there. Done once.
import { useId, useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { requestPersistence } from '../../storage';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { setUpDevice } from './deviceProfile';

/** The set-up form shown before the device has a profile. */
export function SetupScreen() {
  const { t } = useT();
  const ids = { park: useId(), names: useId(), err: useId() };
  const [park, setPark] = useState('');
  const [names, setNames] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const roster = names
      .split(/[\n,]/)
      .map((n) => n.trim())
      .filter(Boolean);
    const problem = !park.trim()
      ? 'setup.error.park'
      : roster.length === 0
        ? 'setup.error.names'
        : null;
    setError(problem);
    if (problem) return;
    // Asked here because the person just tapped (browsers grant it more readily on a gesture).
    await requestPersistence().catch(() => undefined);
    await setUpDevice(park, roster);
  };
  return (
    <main className="setup" id="main">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <LanguagePicker />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={ids.park}>{t('setup.park')}</label>
          <input
            id={ids.park}
            value={park}
            maxLength={100}
            placeholder={t('setup.park.placeholder')}
            onChange={(e) => {
              setPark(e.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.names}>{t('setup.names')}</label>
          <textarea
            id={ids.names}
            rows={4}
            value={names}
            aria-describedby={`${ids.names}-hint`}
            onChange={(e) => {
              setNames(e.target.value);
            }}
          />
          <p id={`${ids.names}-hint`} className="hint">
            {t('setup.names.hint')}
          </p>
        </div>
        {error && (
          <p id={ids.err} className="message message-error" role="alert">
            {t(error)}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-large btn-block">
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
