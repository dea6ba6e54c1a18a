// In Instellingen on a coordinator's or admin's browser: who is signed in where, switching to
// another of their regions, changing their password, and signing out.
import { useId, useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { useUnsentCount } from '../../storage';
import { createApi } from '../../sync/api';
import { useSession } from '../setup/session';
import { signInProblem, signOut, switchRegion } from './officeSession';
import { PasswordField } from './PasswordField';
import { PASSWORD_MIN } from './passwordStrength';

function RegionSwitch() {
  const { t, tn } = useT();
  const { profile } = useSession();
  const pending = useUnsentCount();
  const selectId = useId();
  const others = (profile.regions ?? []).filter((r) => r.id !== profile.tenantId);
  const [chosen, setChosen] = useState(others[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  if (others.length === 0) return null;
  return (
    <div className="field-group">
      <div className="field">
        <label htmlFor={selectId}>{t('session.region.other')}</label>
        <select
          id={selectId}
          value={chosen}
          onChange={(e) => {
            setChosen(e.target.value);
          }}
        >
          {others.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      {pending !== undefined && pending > 0 && (
        <p className="notice notice-warn">{tn('session.region.pending', pending)}</p>
      )}
      {error && (
        <p className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      <button
        type="button"
        className="btn btn-secondary"
        disabled={busy || pending !== 0 || chosen === ''}
        onClick={() => {
          setBusy(true);
          setError(null);
          switchRegion(profile, chosen).catch((e: unknown) => {
            setError(signInProblem(e));
            setBusy(false);
          });
        }}
      >
        🗺️ {t('session.region.switch')}
      </button>
    </div>
  );
}

function PasswordChange() {
  const { t } = useT();
  const { profile } = useSession();
  const currentId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; key: MessageKey } | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (next.length < PASSWORD_MIN) {
      setResult({ ok: false, key: 'setup.error.password' });
      return;
    }
    setBusy(true);
    setResult(null);
    createApi({ token: profile.token })
      .changePassword(current, next)
      .then(() => {
        setCurrent('');
        setNext('');
        setResult({ ok: true, key: 'password.changed' });
      })
      .catch((e: unknown) => {
        setResult({ ok: false, key: signInProblem(e) });
      })
      .finally(() => {
        setBusy(false);
      });
  };
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('password.title')}</h3>
      <div className="field">
        <label htmlFor={currentId}>{t('password.current')}</label>
        <input
          id={currentId}
          type="password"
          autoComplete="current-password"
          value={current}
          maxLength={200}
          onChange={(e) => {
            setCurrent(e.target.value);
          }}
        />
      </div>
      <PasswordField label={t('password.next')} value={next} onChange={setNext} />
      {result && (
        <p
          className={result.ok ? 'message message-ok' : 'message message-error'}
          role={result.ok ? 'status' : 'alert'}
        >
          {t(result.key)}
        </p>
      )}
      <button type="submit" className="btn btn-secondary" disabled={busy}>
        🔑 {t('password.submit')}
      </button>
    </form>
  );
}

function SignOut() {
  const { t, tn } = useT();
  const { profile } = useSession();
  const pending = useUnsentCount();
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const out = () => {
    setBusy(true);
    void signOut(profile);
  };
  if (confirm) {
    return (
      <div className="confirm" role="group" aria-label={t('session.signout')}>
        <p className="notice notice-warn">{tn('session.signout.pending', pending ?? 0)}</p>
        <div className="form-actions">
          <button type="button" className="btn btn-danger" disabled={busy} onClick={out}>
            {t('session.signout.anyway')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setConfirm(false);
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <button
      type="button"
      className="btn btn-secondary"
      disabled={busy || pending === undefined}
      onClick={() => {
        if (pending !== undefined && pending > 0) setConfirm(true);
        else out();
      }}
    >
      🚪 {t('session.signout')}
    </button>
  );
}

/** The session section of the settings screen (office only). */
export function SessionPanel() {
  const { t } = useT();
  const { profile, person } = useSession();
  return (
    <section className="panel" aria-labelledby="session-title">
      <h2 id="session-title">{t('session.title')}</h2>
      <p>
        {t('session.who', {
          name: person.name,
          role: t(`admin.role.${person.role === 'admin' ? 'admin' : 'coordinator'}`),
          region: profile.tenantName,
        })}
      </p>
      <p className="hint">{t('session.lifetime')}</p>
      <RegionSwitch />
      <PasswordChange />
      <h3>{t('session.signout')}</h3>
      <SignOut />
    </section>
  );
}
