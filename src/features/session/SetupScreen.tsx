// The first start of a real region: the server waits for its first admin. The person types the
// one-time set-up code from the server's log, their own account and the region's name; then
// this browser is signed in as that admin and opens the administration.
import { useId, useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { useNavigation } from '../../state/navigation';
import { createApi } from '../../sync/api';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { TextField } from '../../ui/TextField';
import { markEnrolled } from '../setup/enrolledNow';
import { signInProblem } from './signInProblem';
import { PasswordField } from './PasswordField';
import { PASSWORD_MIN } from './passwordStrength';

const USERNAME = /^[A-Za-z0-9._@-]{3,100}$/;

/** What is wrong with the form before it is sent, or null. */
function formProblem(form: Record<'code' | 'name' | 'username' | 'password' | 'tenant', string>) {
  if (form.code.trim() === '') return 'setup.error.no-code';
  if (form.name.trim() === '') return 'setup.error.name';
  if (!USERNAME.test(form.username.trim())) return 'setup.error.username';
  if (form.password.length < PASSWORD_MIN) return 'setup.error.password';
  if (form.tenant.trim() === '') return 'setup.error.tenant';
  return null;
}

/** The set-up screen. */
export function SetupScreen() {
  const { t } = useT();
  const go = useNavigation((s) => s.go);
  const errorId = useId();
  const [form, setForm] = useState({ code: '', name: '', username: '', password: '', tenant: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const set = (field: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [field]: value }));
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const problem = formProblem(form);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    void createApi()
      .setup({
        code: form.code.trim(),
        name: form.name.trim(),
        username: form.username.trim(),
        password: form.password,
        tenant: form.tenant.trim(),
      })
      .then(async (session) => {
        // The device's storage loads with the office session, not with this first screen.
        const { beginSession } = await import('./officeSession');
        await beginSession(session);
        window.history.replaceState(null, '', '/');
        go({ name: 'admin', section: 'sites' }, { replace: true });
        markEnrolled();
      })
      .catch((e: unknown) => {
        setError(signInProblem(e));
        setBusy(false);
      });
  };
  return (
    <main className="setup" id="main">
      <h1>{t('setup.title')}</h1>
      <LanguagePicker />
      <section className="panel" aria-labelledby="setup-form-title">
        <h2 id="setup-form-title">{t('setup.form.title')}</h2>
        <p>{t('setup.intro')}</p>
        <form onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
          <TextField
            label={t('setup.code')}
            value={form.code}
            onChange={set('code')}
            spellCheck={false}
            autoCapitalize="none"
            maxLength={100}
          />
          <p className="hint">{t('setup.code.where')}</p>
          <TextField
            label={t('setup.tenant')}
            value={form.tenant}
            onChange={set('tenant')}
            placeholder={t('setup.tenant.example')}
            maxLength={100}
          />
          <TextField
            label={t('setup.name')}
            value={form.name}
            onChange={set('name')}
            maxLength={100}
          />
          <TextField
            label={t('setup.username')}
            value={form.username}
            onChange={set('username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={100}
          />
          <PasswordField
            label={t('setup.password')}
            value={form.password}
            onChange={set('password')}
          />
          {error && (
            <p id={errorId} className="message message-error" role="alert">
              {t(error)}
            </p>
          )}
          <button type="submit" className="btn btn-primary btn-large btn-block" disabled={busy}>
            {busy ? t('enroll.busy') : t('setup.submit')}
          </button>
        </form>
      </section>
    </main>
  );
}
