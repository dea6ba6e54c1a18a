// The change log of the administration: who changed which site, person or device, and when.
import { useT } from '../../i18n/i18n';
import type { AdminApi } from '../../sync/adminApi';
import { useAdminLoad } from './useAdmin';

const loadAudit = (api: AdminApi) => api.audit(200);

/** The change-log section. */
export function AuditPanel() {
  const tr = useT();
  const { t } = tr;
  const { data, error } = useAdminLoad(loadAudit);
  return (
    <>
      <h2>{t('admin.audit')}</h2>
      {error && (
        <p className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      {!data && !error && <p role="status">{t('common.loading')}</p>}
      {data?.entries.length === 0 && <p className="hint">{t('admin.audit.empty')}</p>}
      <table className="data-table audit">
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.when')}</th>
            <th scope="col">{t('admin.audit.who')}</th>
            <th scope="col">{t('admin.audit.what')}</th>
            <th scope="col">{t('admin.audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.entries.map((entry) => (
            <tr key={entry.id}>
              <td>{tr.dateTime(Date.parse(entry.at))}</td>
              <td>{entry.actorName ?? entry.actor ?? '—'}</td>
              <td>{entry.action}</td>
              <td className="audit-details">
                {entry.target}{' '}
                {Object.keys(entry.details).length > 0 && JSON.stringify(entry.details)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
