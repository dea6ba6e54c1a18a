// Username and password for a coordinator or admin; the answer goes to `onSignedIn`. A person
// with several regions picks one before this browser opens it.
import { useId, useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { createApi, type SignedIn } from '../../sync/api';
import { signInProblem } from './signInProblem';

/** The sign-in form; `chooseRegion: false` skips the region choice (signing in again after the
 * session ended, into the region this browser already holds). */
export function SignInForm({
  onSignedIn,
  chooseRegion = true,
  submitLabel,
}: {
  onSignedIn: (session: SignedIn) => Promise<void>;
  chooseRegion?: boolean;
  submitLabel?: string;
}) {
  const { t } = useT();
  const ids = { user: useId(), password: useId(), error: useId() };
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [choice, setChoice] = useState<SignedIn | null>(null);

  const finish = async (session: SignedIn) => {
    try {
      await onSignedIn(session);
    } catch (e) {
      setError(signInProblem(e));
      setBusy(false);
    }
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (username.trim() === '' || password === '') {
      setError('signin.error.empty');
      return;
    }
    setBusy(true);
    setError(null);
    void createApi()
      .session(username.trim(), password)
      .then(async (session) => {
        if (session.regions.length > 1 && chooseRegion) {
          setChoice(session);
          setBusy(false);
          return;
        }
        await finish(session);
      })
      .catch((e: unknown) => {
        setError(signInProblem(e));
        setBusy(false);
      });
  };
  const pick = (tenant: string) => {
    if (!choice) return;
    setBusy(true);
    const chosen =
      tenant === choice.tenant.id
        ? Promise.resolve(choice)
        : createApi({ token: choice.token }).switchRegion(tenant);
    void chosen.then(finish).catch((e: unknown) => {
      setError(signInProblem(e));
      setBusy(false);
    });
  };

  if (choice) {
    return (
      <div className="region-choice">
        <h3>{t('signin.region.title')}</h3>
        <p>{t('signin.region.help')}</p>
        <div className="welcome-choices">
          {choice.regions.map((region) => (
            <button
              key={region.id}
              type="button"
              className="btn btn-primary btn-large btn-block"
              disabled={busy}
              onClick={() => {
                pick(region.id);
              }}
            >
              🗺️ {region.name}
            </button>
          ))}
        </div>
        {error && (
          <p className="message message-error" role="alert">
            {t(error)}
          </p>
        )}
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={ids.user}>{t('signin.username')}</label>
        <input
          id={ids.user}
          value={username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={100}
          onChange={(e) => {
            setUsername(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.password}>{t('signin.password')}</label>
        <input
          id={ids.password}
          type="password"
          value={password}
          autoComplete="current-password"
          maxLength={200}
          aria-invalid={error !== null}
          aria-describedby={error ? ids.error : undefined}
          onChange={(e) => {
            setPassword(e.target.value);
          }}
        />
      </div>
      {error && (
        <p id={ids.error} className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      <button type="submit" className="btn btn-primary btn-large btn-block" disabled={busy}>
        {busy ? t('enroll.busy') : (submitLabel ?? t('signin.submit'))}
      </button>
    </form>
  );
}
