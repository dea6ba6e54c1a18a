// Settings and status: language, whether the browser keeps our storage, what is stored, version.
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/i18n';
import {
  persistenceState,
  requestPersistence,
  storageEstimate,
  usePendingCount,
  type PersistenceState,
} from '../../storage';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { leavePerson } from '../setup/deviceProfile';
import { SessionPanel } from '../session/SessionPanel';
import { useSession } from '../setup/session';

/** The settings and status screen. */
export function SettingsScreen() {
  const tr = useT();
  const { t, tn } = tr;
  const { profile, person } = useSession();
  const pending = usePendingCount();
  const [persisted, setPersisted] = useState<PersistenceState | null>(null);
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);
  useEffect(() => {
    void persistenceState().then(setPersisted);
    void storageEstimate().then(setEstimate);
  }, []);
  return (
    <>
      <h1>{t('settings.title')}</h1>
      <LanguagePicker />
      {profile.siteKind === 'office' && <SessionPanel />}
      <section className="panel" aria-labelledby="storage-title">
        <h2 id="storage-title">{t('settings.storage')}</h2>
        <p data-testid="persistence">
          {persisted === null ? t('common.loading') : t(`settings.persistence.${persisted}`)}
        </p>
        {persisted === 'not-persisted' && (
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => void requestPersistence().then(setPersisted)}
          >
            {t('settings.persistence.request')}
          </button>
        )}
        {estimate && (
          <p>
            {t('settings.usage', {
              used: tr.megabytes(estimate.usage / 1_048_576),
              quota: tr.megabytes(estimate.quota / 1_048_576, 0),
            })}
          </p>
        )}
        <p>{tn('settings.pending', pending ?? 0)}</p>
      </section>
      <section className="panel" aria-labelledby="device-title">
        <h2 id="device-title">{t('settings.device')}</h2>
        <dl className="facts">
          <dt>{t(profile.siteKind === 'office' ? 'settings.region' : 'settings.park')}</dt>
          <dd>{profile.siteName}</dd>
          <dt>{t('settings.person')}</dt>
          <dd>{person.name}</dd>
          <dt>{t('settings.version')}</dt>
          <dd>{__APP_VERSION__}</dd>
          <dt>{t('settings.device-id')}</dt>
          <dd className="code">{profile.deviceId}</dd>
        </dl>
        {profile.siteKind !== 'office' && (
          <button type="button" className="btn btn-secondary" onClick={() => void leavePerson()}>
            👤 {t('settings.switch-person')}
          </button>
        )}
      </section>
    </>
  );
}
