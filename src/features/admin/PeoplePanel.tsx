// People of the region: who works where in which role; add a person, or take one off the rosters
// (their past work keeps their name in the history). An admin can also set a new password for a
// coordinator or admin who forgot theirs.
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import type { AdminApi, AdminPerson } from '../../sync/adminApi';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { TextField } from '../../ui/TextField';
import { useSession } from '../setup/session';
import { charactersMissing, defaultSiteFor, passwordError, passwordStrength } from './formChecks';
import { adminError, useAdminLoad } from './useAdmin';

const loadPeopleAndSites = async (api: AdminApi) => {
  const [people, sites] = await Promise.all([api.people(), api.sites()]);
  return { people: people.people, sites: sites.sites };
};

const ROLES: readonly AdminPerson['role'][] = [
  'attendant',
  'technician',
  'host',
  'fixer',
  'organiser',
  'coordinator',
  'admin',
];

/** The people section. */
export function PeoplePanel() {
  const { t } = useT();
  const { data, error, reload, api } = useAdminLoad(loadPeopleAndSites);
  const me = useSession().person;
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
      <ul className="item-list admin-rows panel">
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
            {mayResetPassword(me, person) && <PasswordReset api={api} person={person} />}
          </li>
        ))}
      </ul>
      {data && <NewPersonForm api={api} sites={data.sites} onDone={reload} />}
    </>
  );
}

/** Only an admin sets someone else's password (the server refuses coordinators), and only for
 * someone who signs in with one. Not their own: that would sign them out of this very screen;
 * their own password is changed with the current one, in Instellingen. */
function mayResetPassword(me: { id: string; role: string }, person: AdminPerson): boolean {
  return (
    me.role === 'admin' &&
    person.id !== me.id &&
    person.active &&
    person.username !== null &&
    (person.role === 'coordinator' || person.role === 'admin')
  );
}

type ResetStep = 'closed' | 'typing' | 'confirming' | 'done';

/** "Nieuw wachtwoord instellen" in a person's row: type it (with a hint how strong it is), then
 * confirm, since the person is signed out everywhere the moment it is set. */
function PasswordReset({ api, person }: { api: AdminApi; person: AdminPerson }) {
  const { t, tn } = useT();
  const [step, setStep] = useState<ResetStep>('closed');
  const [password, setPassword] = useState('');
  const [show, setShow] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const ids = { title: useId(), strength: useId(), help: useId(), error: useId(), ask: useId() };
  const open = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const cancelConfirm = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // Focus follows the step, so a keyboard user is never left on a button that went away.
    if (step === 'typing') form.current?.querySelector<HTMLInputElement>('input')?.focus();
    if (step === 'confirming') cancelConfirm.current?.focus();
    if ((step === 'closed' || step === 'done') && moved.current) open.current?.focus();
    moved.current ||= step !== 'closed';
  }, [step]);
  const strength = passwordStrength(password);
  const close = () => {
    setPassword('');
    setShow(false);
    setError(null);
    setStep('closed');
  };
  const next = (event: SyntheticEvent) => {
    event.preventDefault();
    if (strength === 'too-short') {
      setError('admin.password.error.short');
      return;
    }
    setError(null);
    setStep('confirming');
  };
  const set = () => {
    api.setPassword(person.id, password).then(
      () => {
        setPassword('');
        setShow(false);
        setStep('done');
      },
      (e: unknown) => {
        setError(passwordError(e));
        setStep('typing');
      },
    );
  };
  if (step === 'closed' || step === 'done')
    return (
      <>
        <button
          ref={open}
          type="button"
          className="btn btn-secondary btn-small"
          aria-label={t('admin.password.open.who', { name: person.name })}
          onClick={() => {
            setStep('typing');
          }}
        >
          {t('admin.password.open')}
        </button>
        {step === 'done' && (
          <p className="row-panel notice" role="status">
            {t('admin.password.done', { name: person.name })}
          </p>
        )}
      </>
    );
  if (step === 'confirming')
    return (
      <div className="row-panel notice-warn" role="alertdialog" aria-labelledby={ids.ask}>
        <p id={ids.ask}>{t('admin.password.confirm', { name: person.name })}</p>
        <div className="form-actions form-actions-start">
          <button type="button" className="btn btn-primary" onClick={set}>
            {t('admin.password.confirm.yes')}
          </button>
          <button
            ref={cancelConfirm}
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setStep('typing');
            }}
          >
            {t('common.back')}
          </button>
        </div>
      </div>
    );
  return (
    <form
      ref={form}
      className="row-panel password-form"
      aria-labelledby={ids.title}
      onSubmit={next}
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
      noValidate
    >
      <h3 id={ids.title}>{t('admin.password.title', { name: person.name })}</h3>
      <TextField
        label={t('admin.password.label')}
        value={password}
        onChange={(value) => {
          setPassword(value);
          setError(null);
        }}
        type={show ? 'text' : 'password'}
        autoComplete="new-password"
        maxLength={200}
        aria-invalid={error !== null}
        aria-describedby={[ids.strength, ids.help, ...(error ? [ids.error] : [])].join(' ')}
      />
      <p id={ids.strength} className={`password-strength strength-${strength}`}>
        {strength === 'too-short'
          ? tn('admin.password.short', charactersMissing(password))
          : t(`admin.password.strength.${strength}`)}
      </p>
      <p id={ids.help} className="hint">
        {t('admin.password.help')}
      </p>
      <label className="switch">
        <input
          type="checkbox"
          checked={show}
          onChange={(e) => {
            setShow(e.target.checked);
          }}
        />
        <span>{t('admin.password.show')}</span>
      </label>
      {error && (
        <p id={ids.error} className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="form-actions form-actions-start">
        <button type="submit" className="btn btn-primary">
          {t('admin.password.next')}
        </button>
        <button type="button" className="btn btn-secondary" onClick={close}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function NewPersonForm({
  api,
  sites,
  onDone,
}: {
  api: AdminApi;
  sites: { id: string; name: string; kind: 'park' | 'shop' | 'cafe' }[];
  onDone: () => void;
}) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [role, setRole] = useState<AdminPerson['role']>('attendant');
  // Until a site is picked, the one that fits the role: a park attendant works at a park.
  const [picked, setPicked] = useState<string | null>(null);
  // An organiser runs a café: a park picked by hand before does not carry over.
  const pickedFits =
    picked !== null &&
    (role !== 'organiser' || sites.find((s) => s.id === picked)?.kind === 'cafe');
  const site = pickedFits ? picked : defaultSiteFor(role, sites);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // An organiser signs in like a coordinator and is on the roster of their café.
  const signsIn = role === 'coordinator' || role === 'admin' || role === 'organiser';
  const atSite = !signsIn || role === 'organiser';
  const siteKinds =
    role === 'organiser' ? (['cafe'] as const) : (['park', 'shop', 'cafe'] as const);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setSaved(null);
    const problem: MessageKey | null = !name.trim()
      ? 'admin.people.error.name'
      : signsIn && (!username.trim() || password.length < 10)
        ? 'admin.people.error.login'
        : role === 'organiser' && sites.find((s) => s.id === site)?.kind !== 'cafe'
          ? 'admin.people.error.cafe'
          : atSite && !site
            ? 'admin.people.error.site'
            : null;
    if (problem) {
      setError(problem);
      return;
    }
    const person = {
      name: name.trim(),
      role,
      ...(signsIn ? { username: username.trim(), password } : {}),
      ...(atSite ? { sites: [site] } : {}),
    };
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
      {signsIn && (
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
      )}
      {atSite && (
        <div className="field">
          <label htmlFor="new-person-site">{t('admin.people.site')}</label>
          <select
            id="new-person-site"
            value={site}
            onChange={(e) => {
              setPicked(e.target.value);
            }}
          >
            {siteKinds.map((kind) => {
              const ofKind = sites.filter((s) => s.kind === kind);
              return (
                ofKind.length > 0 && (
                  <optgroup key={kind} label={t(`admin.sites.kind.${kind}`)}>
                    {ofKind.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </optgroup>
                )
              );
            })}
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
