// Enrolled devices: where, last contact, what they still had to send, app version; revoke a lost
// or stolen one (its token stops working; what it has not sent stays on it).
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import type { AdminApi, AdminDevice } from '../../sync/adminApi';
import { adminError, useAdminLoad } from './useAdmin';

const loadDevicesAndSites = async (api: AdminApi) => {
  const [devices, sites] = await Promise.all([api.devices(), api.sites()]);
  return { devices: devices.devices, sites: sites.sites };
};

/** The devices section. */
export function DevicesPanel() {
  const tr = useT();
  const { t } = tr;
  const { data, error, reload, api } = useAdminLoad(loadDevicesAndSites);
  const [confirm, setConfirm] = useState<AdminDevice | null>(null);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  const siteName = (id: string) => data?.sites.find((s) => s.id === id)?.name ?? id;
  const when = (iso: string | null) =>
    iso ? tr.dateTime(Date.parse(iso)) : t('admin.devices.never');
  const revoke = (device: AdminDevice) => {
    api.revokeDevice(device.id).then(
      () => {
        setConfirm(null);
        reload();
      },
      (e: unknown) => {
        setFailed(adminError(e));
      },
    );
  };
  return (
    <>
      <h2>{t('admin.devices')}</h2>
      {(error ?? failed) && (
        <p className="message message-error" role="alert">
          {t(error ?? failed ?? 'admin.error.server')}
        </p>
      )}
      {!data && !error && <p role="status">{t('common.loading')}</p>}
      {confirm && (
        <div className="panel notice-warn" role="alertdialog" aria-labelledby="revoke-title">
          <p id="revoke-title">{t('admin.devices.confirm', { name: confirm.name })}</p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => {
                revoke(confirm);
              }}
            >
              {t('admin.devices.revoke.yes')}
            </button>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setConfirm(null);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <ul className="item-list panel">
        {data?.devices.map((device) => (
          <li key={device.id} data-device={device.id}>
            <div className="row-text">
              <strong>{device.name}</strong> · {siteName(device.site)}
              {device.revokedAt && (
                <span className="badge badge-voided"> {t('admin.devices.revoked')}</span>
              )}
              <br />
              <span className="muted">
                {t('admin.devices.seen', { when: when(device.lastSeenAt) })}
                {device.pendingAtLastContact !== null &&
                  ` · ${t('admin.devices.pending', { count: device.pendingAtLastContact })}`}
                {device.appVersion &&
                  ` · ${t('admin.devices.version', { version: device.appVersion })}`}
              </span>
            </div>
            {!device.revokedAt && (
              <button
                type="button"
                className="btn btn-light btn-small"
                onClick={() => {
                  setConfirm(device);
                }}
              >
                {t('admin.devices.revoke', { name: device.name })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
