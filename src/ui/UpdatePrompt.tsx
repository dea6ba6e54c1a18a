// "A new version is available": the service worker waits until the person agrees, so a form
// being filled in is never reloaded away.
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useT } from '../i18n/i18n';

/** A banner shown when a new service worker is waiting. */
export function UpdatePrompt() {
  const { t } = useT();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="alert">
      <span>{t('update.available')}</span>
      <button
        type="button"
        className="btn btn-primary"
        onClick={() => void updateServiceWorker(true)}
      >
        {t('update.reload')}
      </button>
      <button
        type="button"
        className="btn btn-light"
        onClick={() => {
          setNeedRefresh(false);
        }}
      >
        {t('update.later')}
      </button>
    </div>
  );
}
