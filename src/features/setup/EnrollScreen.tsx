// First start on a device: enroll it with the code the coordinator shows (QR or typed), or sign in
// as a coordinator or admin (a laptop in the office). In demo mode a newcomer can instead pick
// what the device is and be enrolled in one tap. A server that waits for its first admin shows
// the set-up screen instead. The device's storage (Dexie) is loaded on the tap that needs it, not
// with this screen, which is the first a new device shows.
import { lazy, Suspense, useEffect, useId, useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { ApiError, createApi } from '../../sync/api';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { SetupScreen } from '../session/SetupScreen';
import { SignInForm } from '../session/SignInForm';
import { markEnrolled } from './enrolledNow';

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

/** How long the first screen waits for the server to say what it is before showing the forms. */
const ANSWER_WAIT_MS = 3_000;

async function enroll(code: string, name: string): Promise<void> {
  const { enrollDevice } = await import('./deviceProfile');
  await enrollDevice(code, name);
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
  // What the server is (demo, or waiting for its first admin) changes the whole screen: the
  // panels show once both answers are in (or could not be had), so nothing moves under a finger.
  const [server, setServer] = useState<{ demo: boolean; setup: boolean } | null>(null);
  useEffect(() => {
    const api = createApi({ timeoutMs: ANSWER_WAIT_MS });
    let live = true;
    void Promise.all([
      api.health().then(
        (h) => h.demo === true,
        () => false,
      ),
      api.setupNeeded().catch(() => false),
    ]).then(([demo, setup]) => {
      if (live) setServer({ demo, setup });
    });
    return () => {
      live = false;
    };
  }, []);
  const demo = server?.demo === true;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const { requestPersistence } = await import('../../storage');
      // Asked on this tap: browsers grant persistence more readily after a gesture.
      await requestPersistence().catch(() => undefined);
      await action();
      window.history.replaceState(null, '', '/');
      markEnrolled();
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
    void run(() => enroll(enrollmentCode(code), name || t('enroll.name.default')));
  };

  if (server?.setup === true) return <SetupScreen />;
  if (server === null) {
    return (
      <main className="setup" id="main">
        <h1>{t('enroll.title')}</h1>
        <LanguagePicker />
        <p role="status">{t('common.loading')}</p>
      </main>
    );
  }
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
              onClick={() => void run(() => enroll('DEMO-NOORD', t('welcome.park.device')))}
            >
              📥 {t('welcome.park')}
            </button>
            <button
              type="button"
              className="btn btn-primary btn-large btn-block"
              disabled={busy}
              onClick={() => void run(() => enroll('DEMO-WINKEL', t('welcome.shop.device')))}
            >
              🔧 {t('welcome.shop')}
            </button>
            <button
              type="button"
              className="btn btn-primary btn-large btn-block"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  // The café's door tablet, in the host's hands at once.
                  const { choosePerson, enrollDevice } = await import('./deviceProfile');
                  const profile = await enrollDevice('DEMO-CAFE', t('welcome.cafe.device'));
                  const host = profile.roster.find((p) => p.role === 'host');
                  if (host) await choosePerson(host.id);
                })
              }
            >
              🎟️ {t('welcome.cafe')}
            </button>
            <button
              type="button"
              className="btn btn-primary btn-large btn-block"
              disabled={busy}
              onClick={() =>
                void run(async () => {
                  const { signInCoordinator } = await import('./deviceProfile');
                  await signInCoordinator('coordinator', 'bewaar-demo');
                })
              }
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
            const { beginSession } = await import('../session/officeSession');
            await beginSession(session);
            window.history.replaceState(null, '', '/');
            markEnrolled();
          }}
        />
      </section>
    </main>
  );
}
