// Optional photo from the device camera (or gallery), resized and stripped before it is stored.
import { useEffect, useId, useMemo, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { usePhoto } from '../sync/usePhoto';
import { processPhoto } from './photo';

interface Props {
  photos: string[];
  onChange: (photos: string[]) => void;
  /** Photos already saved with the item: an event log keeps them, so they cannot be taken out. */
  saved?: readonly string[];
}

/** A stored photo as an <img>, by hash. */
export function PhotoThumb({ sha256, alt }: { sha256: string; alt: string }) {
  const blob = usePhoto(sha256);
  const url = useMemo(() => (blob ? URL.createObjectURL(blob) : null), [blob]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return url ? <img className="thumb" src={url} alt={alt} /> : null;
}

/** The photo field of the item form. */
export function PhotoField({ photos, onChange, saved = [] }: Props) {
  const { t } = useT();
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  return (
    <div className="field photo-field">
      <span className="field-label">{t('form.photo')}</span>
      <div className="photo-row">
        {photos.map((sha, i) => (
          <div key={sha} className="photo-item">
            <PhotoThumb sha256={sha} alt={t('form.photo.alt', { n: i + 1 })} />
            {!saved.includes(sha) && (
              <button
                type="button"
                className="btn btn-light"
                onClick={() => {
                  onChange(photos.filter((p) => p !== sha));
                }}
              >
                {t('form.photo.remove')}
              </button>
            )}
          </div>
        ))}
        <label htmlFor={inputId} className="btn btn-secondary file-button">
          <span aria-hidden="true">📸</span> {busy ? t('form.photo.busy') : t('form.photo.add')}
        </label>
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="image/*"
          capture="environment"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            setBusy(true);
            setFailed(false);
            processPhoto(file)
              .then((sha) => {
                if (!photos.includes(sha)) onChange([...photos, sha]);
              })
              .catch(() => {
                setFailed(true);
              })
              .finally(() => {
                setBusy(false);
              });
          }}
        />
      </div>
      {failed && (
        <p className="message message-error" role="alert">
          {t('form.photo.failed')}
        </p>
      )}
    </div>
  );
}
