// Three ways in: the camera, a typed code, or a hardware scanner typing into the page.
import { lazy, Suspense, useCallback, useId, useState, type SyntheticEvent } from 'react';
import { formatCode } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { useKeyboardWedge } from './useKeyboardWedge';
import { useScanHandler, type NewCageQuestion, type ScanFeedback } from './useScanHandler';

const CameraScanner = lazy(() =>
  import('./CameraScanner').then((m) => ({ default: m.CameraScanner })),
);

/** The scan area: the park's intake by default, or whatever `onScan` does with a code (the shop
 * unpacking a cage, the workshop opening an item). */
export function ScanPanel({
  active,
  onScan,
  title = 'scan.title',
}: {
  active: boolean;
  onScan?: (raw: string) => Promise<ScanFeedback>;
  title?: MessageKey;
}) {
  const { t } = useT();
  const intake = useScanHandler();
  const handle = onScan ?? intake;
  const [value, setValue] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [camera, setCamera] = useState(false);
  const [ask, setAsk] = useState<NewCageQuestion | null>(null);
  const inputId = useId();
  const errorId = useId();

  const feedback = useCallback((result: ScanFeedback, raw: string) => {
    if (!result.ok) {
      setValue(raw);
      setError(`scan.error.${result.error}`);
    } else if (result.ask) setAsk(result.ask);
  }, []);
  const submit = useCallback(
    async (raw: string) => {
      // Cleared at once, not after the write: the next code may already be typed by then.
      setValue('');
      setError(null);
      // A new scan is the answer "no" to a question still open.
      setAsk(null);
      feedback(await handle(raw), raw);
    },
    [handle, feedback],
  );
  useKeyboardWedge((text) => void submit(text), active && !camera);

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    void submit(value);
  };

  return (
    <section className="panel scan-panel" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t(title)}</h2>
      {camera && active ? (
        <Suspense fallback={<p role="status">{t('scan.camera.loading')}</p>}>
          <CameraScanner
            onDecoded={(text) => {
              setCamera(false);
              void submit(text);
            }}
            onClose={() => {
              setCamera(false);
            }}
          />
        </Suspense>
      ) : (
        <button
          type="button"
          className="btn btn-primary btn-block btn-large"
          onClick={() => {
            setError(null);
            setCamera(true);
          }}
        >
          <span aria-hidden="true">📷</span> {t('scan.camera.open')}
        </button>
      )}
      <form className="code-form" onSubmit={onSubmit} noValidate>
        <label htmlFor={inputId}>{t('scan.code.label')}</label>
        <div className="input-row">
          <input
            id={inputId}
            name="code"
            value={value}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            placeholder="BW-7K3Q-9XTA-E"
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(e) => {
              setValue(e.target.value);
            }}
          />
          <button type="submit" className="btn btn-secondary">
            {t('scan.code.submit')}
          </button>
        </div>
        {error && (
          <p id={errorId} className="message message-error" role="alert">
            {t(error)}
          </p>
        )}
      </form>
      {ask && (
        <NewCage
          ask={ask}
          onAnswer={(result) => {
            setAsk(null);
            if (result) feedback(result, formatCode(ask.cage));
          }}
        />
      )}
      <p className="hint">{t('scan.hint.wedge')}</p>
    </section>
  );
}

/** "Nieuwe kooi openen?" for a cage label this device has never seen. */
function NewCage({
  ask,
  onAnswer,
}: {
  ask: NewCageQuestion;
  onAnswer: (result: ScanFeedback | null) => void;
}) {
  const { t } = useT();
  const titleId = useId();
  // No focus moved to "yes": a hand scanner's closing Enter would answer it.
  const [busy, setBusy] = useState(false);
  return (
    <div className="panel notice-warn new-cage" role="alertdialog" aria-labelledby={titleId}>
      <p id={titleId}>
        <strong>{t('cage.new.ask')}</strong>{' '}
        {t('cage.new.ask.detail', { code: formatCode(ask.cage) })}
        {ask.open && ` ${t('cage.new.ask.replaces', { open: formatCode(ask.open) })}`}
      </p>
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            onAnswer(null);
          }}
        >
          {t('cage.new.no')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void ask.confirm().then(onAnswer);
          }}
        >
          {t('cage.new.yes')}
        </button>
      </div>
    </div>
  );
}
