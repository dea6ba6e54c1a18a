// The change log of the administration: who changed which site, person or device, and when, in
// sentences; the raw record stays one tap away for support.
import { useT } from '../../i18n/i18n';
import type { AdminApi } from '../../sync/adminApi';
import { auditSentence } from './auditSentence';
import { useAdminLoad } from './useAdmin';

const loadAudit = (api: AdminApi) => api.audit(200);

/** The change-log section. */
export function AuditPanel() {
  const tr = useT();
  const { t } = tr;
  const { data, error } = useAdminLoad(loadAudit);
  const names = data?.names ?? {};
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
            <th scope="col">{t('admin.audit.what')}</th>
          </tr>
        </thead>
        <tbody>
          {data?.entries.map((entry) => (
            <tr key={entry.id}>
              <td className="audit-when">{tr.dateTime(Date.parse(entry.at))}</td>
              <td>
                <span className="audit-sentence">{auditSentence(entry, names, tr)}</span>
                <details className="audit-details">
                  <summary>{t('audit.details.show')}</summary>
                  <code>
                    {entry.action} · {entry.target}
                    {entry.actor === null ? '' : ` · ${entry.actor}`}
                    {Object.keys(entry.details).length > 0 && ` · ${JSON.stringify(entry.details)}`}
                  </code>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
