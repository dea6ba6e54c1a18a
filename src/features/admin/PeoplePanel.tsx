// People of the region: who works where in which role; add a person, or take one off the rosters
// (their past work keeps their name in the history).
import { useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import type { AdminApi, AdminPerson } from '../../sync/adminApi';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { TextField } from '../../ui/TextField';
import { adminError, useAdminLoad } from './useAdmin';

const loadPeopleAndSites = async (api: AdminApi) => {
  const [people, sites] = await Promise.all([api.people(), api.sites()]);
  return { people: people.people, sites: sites.sites };
};

const ROLES: readonly AdminPerson['role'][] = ['attendant', 'technician', 'coordinator', 'admin'];

/** The people section. */
export function PeoplePanel() {
  const { t } = useT();
  const { data, error, reload, api } = useAdminLoad(loadPeopleAndSites);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  const siteName = (id: string) => data?.sites.find((s) => s.id === id)?.name ?? id;
  const setActive = (person: AdminPerson, active: boolean) => {
    api.updatePerson(person.id, { active }).then(reload, (e: unknown) => {
      setFailed(adminError(e));
    });
  };
  return (
    <>
      <h2>{t('admin.people')}</h2>
      {(error ?? failed) && (
        <p className="message message-error" role="alert">
          {t(error ?? failed ?? 'admin.error.server')}
        </p>
      )}
      {!data && !error && <p role="status">{t('common.loading')}</p>}
      <ul className="item-list panel">
        {data?.people.map((person) => (
          <li key={person.id} data-person={person.id}>
            <div className="row-text">
              <strong>{person.name}</strong> · {t(`admin.role.${person.role}`)}
              {!person.active && (
                <span className="badge badge-voided"> {t('admin.people.inactive')}</span>
              )}
              <br />
              <span className="muted">
                {person.username ? `${t('admin.people.username')}: ${person.username}` : ''}
                {person.sites.map(siteName).join(', ')}
              </span>
            </div>
            <button
              type="button"
              className="btn btn-light btn-small"
              onClick={() => {
                setActive(person, !person.active);
              }}
            >
              {t(person.active ? 'admin.people.deactivate' : 'admin.people.activate', {
                name: person.name,
              })}
            </button>
          </li>
        ))}
      </ul>
      {data && <NewPersonForm api={api} sites={data.sites} onDone={reload} />}
    </>
  );
}

function NewPersonForm({
  api,
  sites,
  onDone,
}: {
  api: AdminApi;
  sites: { id: string; name: string }[];
  onDone: () => void;
}) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<AdminPerson['role']>('attendant');
  const [site, setSite] = useState(sites[0]?.id ?? '');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const signsIn = role === 'coordinator' || role === 'admin';
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setSaved(null);
    const problem: MessageKey | null = !name.trim()
      ? 'admin.people.error.name'
      : signsIn && (!username.trim() || password.length < 10)
        ? 'admin.people.error.login'
        : !signsIn && !site
          ? 'admin.people.error.site'
          : null;
    if (problem) {
      setError(problem);
      return;
    }
    const person = signsIn
      ? { name: name.trim(), role, username: username.trim(), password }
      : { name: name.trim(), role, sites: [site] };
    api.createPerson(person).then(
      () => {
        setError(null);
        setSaved(person.name);
        setName('');
        setUsername('');
        setPassword('');
        onDone();
      },
      (e: unknown) => {
        setError(adminError(e));
      },
    );
  };
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h3>{t('admin.people.new')}</h3>
      <TextField label={t('admin.people.name')} value={name} onChange={setName} maxLength={100} />
      <p className="hint">{t('admin.people.name.help')}</p>
      <ChoiceGroup
        legend={t('admin.people.role')}
        value={role}
        onChange={setRole}
        options={ROLES.map((r) => ({ value: r, label: t(`admin.role.${r}`) }))}
      />
      {signsIn ? (
        <>
          <TextField
            label={t('admin.people.username')}
            value={username}
            onChange={setUsername}
            autoComplete="off"
            maxLength={60}
          />
          <TextField
            label={t('admin.people.password')}
            value={password}
            onChange={setPassword}
            type="password"
            autoComplete="new-password"
          />
        </>
      ) : (
        <div className="field">
          <label htmlFor="new-person-site">{t('admin.people.site')}</label>
          <select
            id="new-person-site"
            value={site}
            onChange={(e) => {
              setSite(e.target.value);
            }}
          >
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && (
        <p className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      {saved && (
        <p className="notice" role="status">
          {t('admin.people.saved', { name: saved })}
        </p>
      )}
      <button type="submit" className="btn btn-primary">
        {t('admin.people.create')}
      </button>
    </form>
  );
}
