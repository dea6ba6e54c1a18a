// Parks and shops of the region: the list with their people, a form for a new site, and an
// enrollment code per site shown as a QR code with its expiry.
import { useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import type { AdminApi, EnrollmentCode, SiteKind } from '../../sync/adminApi';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { TextField } from '../../ui/TextField';
import { retentionDays } from './formChecks';
import { adminError, useAdminLoad } from './useAdmin';
import { QrImage } from './QrImage';

const loadSites = (api: AdminApi) => api.sites();

/** The sites section. */
export function SitesPanel() {
  const tr = useT();
  const { t } = tr;
  const { data, error, reload, api } = useAdminLoad(loadSites);
  const [code, setCode] = useState<EnrollmentCode | null>(null);
  const [codeError, setCodeError] = useState<MessageKey | null>(null);
  const showCode = (site: string) => {
    setCodeError(null);
    api.enrollmentCode(site, 72).then(setCode, (e: unknown) => {
      setCodeError(adminError(e));
    });
  };
  return (
    <>
      <h2>{t('admin.sites')}</h2>
      {error && (
        <p className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      {!data && !error && <p role="status">{t('common.loading')}</p>}
      {code && (
        <section className="panel enroll-code" aria-labelledby="enroll-code-title">
          <h3 id="enroll-code-title">
            {t('admin.enroll.title', {
              site: data?.sites.find((s) => s.id === code.site)?.name ?? '',
            })}
          </h3>
          <QrImage
            text={code.url ?? `${window.location.origin}${code.path}`}
            size={240}
            alt={t('admin.enroll.qr')}
          />
          <p>
            {t('admin.enroll.code')}{' '}
            <strong className="code" data-testid="enroll-code">
              {code.code}
            </strong>
          </p>
          <p className="hint">
            {t('admin.enroll.expires', { when: tr.dateTime(Date.parse(code.expiresAt)) })}
          </p>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setCode(null);
            }}
          >
            {t('admin.close')}
          </button>
        </section>
      )}
      {codeError && (
        <p className="message message-error" role="alert">
          {t(codeError)}
        </p>
      )}
      <ul className="item-list panel">
        {data?.sites.map((site) => (
          <li key={site.id} data-site={site.id}>
            <div className="row-text">
              <strong>{site.name}</strong> · {t(`figures.kind.${site.kind}`)}
              {site.address && <span className="muted"> · {site.address}</span>}
              {site.intercommunale && <span className="muted"> · {site.intercommunale}</span>}
              {site.kind === 'cafe' && (
                <span className="muted">
                  {' · '}
                  {t('admin.sites.cafe.details', {
                    group: site.ordsGroup ?? site.name,
                    days: site.contactRetentionDays ?? 90,
                  })}
                </span>
              )}
              <br />
              <span className="muted">
                {site.people.length === 0
                  ? t('admin.sites.nobody')
                  : site.people.map((p) => p.name).join(', ')}
              </span>
            </div>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => {
                showCode(site.id);
              }}
            >
              {t('admin.enroll.show', { site: site.name })}
            </button>
          </li>
        ))}
      </ul>
      <NewSiteForm api={api} onDone={reload} />
    </>
  );
}

function NewSiteForm({ api, onDone }: { api: AdminApi; onDone: () => void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SiteKind>('park');
  const [ordsGroup, setOrdsGroup] = useState('');
  const [retention, setRetention] = useState('90');
  const [address, setAddress] = useState('');
  const [intercommunale, setIntercommunale] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setSaved(null);
    const days = kind === 'cafe' ? retentionDays(retention) : 'default';
    const problem: MessageKey | null = !name.trim()
      ? 'admin.sites.error.name'
      : days === null
        ? 'admin.sites.error.retention'
        : kind === 'cafe' && ordsGroup.trim().length > 100
          ? 'admin.sites.error.ordsGroup'
          : null;
    if (problem) {
      setError(problem);
      return;
    }
    const site = {
      name: name.trim(),
      kind,
      ...(address.trim() ? { address: address.trim() } : {}),
      ...(intercommunale.trim() && kind !== 'cafe'
        ? { intercommunale: intercommunale.trim() }
        : {}),
      ...(kind === 'cafe' && ordsGroup.trim() ? { ordsGroup: ordsGroup.trim() } : {}),
      ...(typeof days === 'number' ? { contactRetentionDays: days } : {}),
    };
    api.createSite(site).then(
      () => {
        setError(null);
        setSaved(site.name);
        setName('');
        setAddress('');
        setIntercommunale('');
        setOrdsGroup('');
        setRetention('90');
        onDone();
      },
      (e: unknown) => {
        setError(adminError(e));
      },
    );
  };
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h3>{t('admin.sites.new')}</h3>
      <TextField label={t('admin.sites.name')} value={name} onChange={setName} maxLength={100} />
      <ChoiceGroup
        legend={t('admin.sites.kind')}
        value={kind}
        onChange={setKind}
        options={[
          { value: 'park', label: t('admin.sites.kind.park') },
          { value: 'shop', label: t('admin.sites.kind.shop') },
          { value: 'cafe', label: t('admin.sites.kind.cafe') },
        ]}
      />
      <TextField
        label={t('admin.sites.address')}
        value={address}
        onChange={setAddress}
        maxLength={200}
      />
      {kind === 'cafe' ? (
        <>
          <TextField
            label={t('admin.sites.ordsGroup')}
            value={ordsGroup}
            onChange={setOrdsGroup}
            placeholder={name.trim()}
          />
          <p className="hint">{t('admin.sites.ordsGroup.help')}</p>
          <TextField
            label={t('admin.sites.retention')}
            value={retention}
            onChange={setRetention}
            inputMode="numeric"
            aria-invalid={error === 'admin.sites.error.retention'}
          />
          <p className="hint">{t('admin.sites.retention.help')}</p>
        </>
      ) : (
        <TextField
          label={t('admin.sites.intercommunale')}
          value={intercommunale}
          onChange={setIntercommunale}
          maxLength={100}
        />
      )}
      {error && (
        <p className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      {saved && (
        <p className="notice" role="status">
          {t('admin.sites.saved', { name: saved })}
        </p>
      )}
      <button type="submit" className="btn btn-primary">
        {t('admin.sites.create')}
      </button>
    </form>
  );
}
