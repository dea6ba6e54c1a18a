// First start on a device: enroll it with the code the coordinator shows (QR or typed), or sign in
// as a coordinator or admin (a laptop in the office). In demo mode a newcomer can instead pick
// what the device is and be enrolled in one tap. A server that waits for its first admin shows
// the set-up screen instead.
import { lazy, Suspense, useEffect, useId, useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { requestPersistence } from '../../storage';
import { ApiError, createApi } from '../../sync/api';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { beginSession } from '../session/officeSession';
import { SetupScreen } from '../session/SetupScreen';
import { SignInForm } from '../session/SignInForm';
import { enrollDevice, signInCoordinator } from './deviceProfile';

const CameraScanner = lazy(() =>
  import('../intake/CameraScanner').then((m) => ({ default: m.CameraScanner })),
);

/** The code in an enrollment QR (`<origin>/enroll/<code>`) or the bare code. */
export function enrollmentCode(text: string): string {
  const match = /\/enroll\/([^/?#]+)/.exec(text);
  return decodeURIComponent(match?.[1] ?? text)
    .trim()
    .toUpperCase();
}

function problemOf(error: unknown): MessageKey {
  if (error instanceof ApiError) {
    if (error.status === 429) return 'enroll.error.too-many';
    return error.status < 500 ? 'enroll.error.code' : 'enroll.error.server';
  }
  return 'enroll.error.offline';
}

/** The enrollment screen (with the demo welcome when the server runs in demo mode). */
export function EnrollScreen() {
  const { t } = useT();
  const ids = { code: useId(), name: useId() };
  const [code, setCode] = useState(() => {
    const fromPath = /^\/enroll\/(.+)$/.exec(window.location.pathname)?.[1];
    return fromPath ? enrollmentCode(`/enroll/${fromPath}`) : '';
  });
  const [name, setName] = useState('');
  const [camera, setCamera] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [demo, setDemo] = useState(false);
  const [setup, setSetup] = useState(false);
  useEffect(() => {
    const api = createApi();
    void api
      .health()
      .then((h) => {
        setDemo(h.demo === true);
      })
      .catch(() => undefined);
    void api
      .setupNeeded()
      .then(setSetup)
      .catch(() => undefined);
  }, []);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      // Asked on this tap: browsers grant persistence more readily after a gesture.
      await requestPersistence().catch(() => undefined);
      await action();
      window.history.replaceState(null, '', '/');
    } catch (e) {
      setError(problemOf(e));
      setBusy(false);
    }
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!enrollmentCode(code)) {
      setError('enroll.error.empty');
      return;
    }
    void run(() => enrollDevice(enrollmentCode(code), name || t('enroll.name.default')));
  };

  if (setup) return <SetupScreen />;
  return (
    <main className="setup" id="main">
      <h1>{t('enroll.title')}</h1>
      <LanguagePicker />
      {demo && (
        <section className="panel" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('welcome.title')}</h2>
          <p>{t('welcome.intro')}</p>
          <div className="welcome-choices">
            <button
              type="button"
              className="btn btn-primary btn-large btn-block"
              disabled={busy}
              onClick={() => void run(() => enrollDevice('DEMO-NOORD', t('welcome.park.device')))}
            >
              📥 {t('welcome.park')}
            </button>
            <button
              type="button"
              className="btn btn-primary btn-large btn-block"
              disabled={busy}
              onClick={() => void run(() => enrollDevice('DEMO-WINKEL', t('welcome.shop.device')))}
            >
              🔧 {t('welcome.shop')}
            </button>
            <button
              type="button"
              className="btn btn-primary btn-large btn-block"
              disabled={busy}
              onClick={() => void run(() => signInCoordinator('coordinator', 'bewaar-demo'))}
            >
              📊 {t('welcome.coordinator')}
            </button>
          </div>
        </section>
      )}
      <section className="panel" aria-labelledby="code-title">
        <h2 id="code-title">{t('enroll.code.title')}</h2>
        <p>{t('enroll.intro')}</p>
        {camera ? (
          <Suspense fallback={<p role="status">{t('scan.camera.loading')}</p>}>
            <CameraScanner
              onDecoded={(text) => {
                setCamera(false);
                setCode(enrollmentCode(text));
              }}
              onClose={() => {
                setCamera(false);
              }}
            />
          </Suspense>
        ) : (
          <button
            type="button"
            className="btn btn-secondary btn-block"
            onClick={() => {
              setCamera(true);
            }}
          >
            📷 {t('enroll.scan')}
          </button>
        )}
        <form onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor={ids.code}>{t('enroll.code')}</label>
            <input
              id={ids.code}
              value={code}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              onChange={(e) => {
                setCode(e.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.name}>{t('enroll.name')}</label>
            <input
              id={ids.name}
              value={name}
              maxLength={60}
              placeholder={t('enroll.name.default')}
              onChange={(e) => {
                setName(e.target.value);
              }}
            />
          </div>
          {error && (
            <p className="message message-error" role="alert">
              {t(error)}
            </p>
          )}
          <button type="submit" className="btn btn-primary btn-large btn-block" disabled={busy}>
            {busy ? t('enroll.busy') : t('enroll.submit')}
          </button>
        </form>
      </section>
      <section className="panel" aria-labelledby="signin-title">
        <h2 id="signin-title">{t('signin.title')}</h2>
        <p>{t('signin.intro')}</p>
        <SignInForm
          onSignedIn={async (session) => {
            await beginSession(session);
            window.history.replaceState(null, '', '/');
          }}
        />
      </section>
    </main>
  );
}
