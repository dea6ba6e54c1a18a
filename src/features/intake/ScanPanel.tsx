// Three ways in: the camera, a typed code, or a hardware scanner typing into the page.
import { lazy, Suspense, useCallback, useId, useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { useKeyboardWedge } from './useKeyboardWedge';
import { useScanHandler, type ScanFeedback } from './useScanHandler';

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
  const inputId = useId();
  const errorId = useId();

  const submit = useCallback(
    async (raw: string) => {
      // Cleared at once, not after the write: the next code may already be typed by then.
      setValue('');
      setError(null);
      const result = await handle(raw);
      if (!result.ok) {
        setValue(raw);
        setError(`scan.error.${result.error}`);
      }
    },
    [handle],
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
      <p className="hint">{t('scan.hint.wedge')}</p>
    </section>
  );
}
