// The regions an admin manages (admins only): each with its parks and shops and who may sign in
// to it; create and rename a region, give a coordinator or admin access by username, and take
// access away after a confirmation. Parks, shops and people are added inside the region itself,
// after switching to it in Instellingen, so this screen only points there.
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import type { AdminApi, AdminRegion } from '../../sync/adminApi';
import { TextField } from '../../ui/TextField';
import { useSession } from '../setup/session';
import { regionError, regionNameProblem } from './formChecks';
import { useAdminLoad } from './useAdmin';

const loadRegions = (api: AdminApi) => api.regions();

type RegionPerson = AdminRegion['people'][number];

/** A message with its words filled in, kept until the next action replaces it. */
interface Said {
  key: MessageKey;
  params?: Record<string, string>;
}

/** The regions section. */
export function RegionsPanel() {
  const { t, compare } = useT();
  const { profile, person } = useSession();
  const { data, error, reload, api } = useAdminLoad(loadRegions);
  // The region this session works in first, then the others by name.
  const regions = [...(data?.regions ?? [])].sort(
    (a, b) =>
      Number(b.id === profile.tenantId) - Number(a.id === profile.tenantId) ||
      compare(a.name, b.name),
  );
  // The server's name wins: the profile keeps the name the region had at sign-in.
  const currentName = regions.find((r) => r.id === profile.tenantId)?.name ?? profile.tenantName;
  return (
    <>
      <h2>{t('admin.regions')}</h2>
      <p className="notice current-region" data-testid="current-region">
        {t('admin.regions.current')} <strong>{currentName}</strong>.
      </p>
      <p className="hint">{t('admin.regions.intro')}</p>
      {error && (
        <p className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      {!data && !error && <p role="status">{t('common.loading')}</p>}
      {data && regions.length === 0 && <p>{t('admin.regions.none')}</p>}
      {regions.map((region) => (
        <RegionCard
          key={region.id}
          api={api}
          region={region}
          regions={regions}
          current={region.id === profile.tenantId}
          self={person.id}
          onChanged={reload}
        />
      ))}
      {data && <NewRegionForm api={api} regions={regions} onDone={reload} />}
    </>
  );
}

function RegionCard({
  api,
  region,
  regions,
  current,
  self,
  onChanged,
}: {
  api: AdminApi;
  region: AdminRegion;
  regions: readonly AdminRegion[];
  current: boolean;
  self: string;
  onChanged: () => void;
}) {
  const { t } = useT();
  const titleId = useId();
  const [renaming, setRenaming] = useState(false);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  const [said, setSaid] = useState<Said | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const done = (message: Said) => {
    setFailed(null);
    setSaid(message);
    onChanged();
  };
  const withdraw = (who: RegionPerson) =>
    api.withdrawRegion(region.id, who.id).then(
      () => {
        done({
          key: 'admin.regions.withdrawn',
          params: { name: who.name, region: region.name },
        });
      },
      (e: unknown) => {
        setSaid(null);
        setFailed(regionError(e, 'withdraw'));
      },
    );
  return (
    <section className="panel region" aria-labelledby={titleId} data-region={region.id}>
      <div className="region-head">
        <h3 id={titleId}>
          {region.name}
          {current && (
            <>
              {' '}
              <span className="badge">{t('admin.regions.current.badge')}</span>
            </>
          )}
        </h3>
        {!renaming && (
          <button
            ref={renameButton}
            type="button"
            className="btn btn-secondary btn-small"
            onClick={() => {
              setSaid(null);
              setRenaming(true);
            }}
          >
            {t('admin.regions.rename')}
          </button>
        )}
      </div>
      {renaming && (
        <RenameForm
          api={api}
          region={region}
          regions={regions}
          onClose={(renamed) => {
            setRenaming(false);
            if (renamed) done({ key: 'admin.regions.renamed', params: { name: renamed } });
            // Back to the button that opened the form, so the keyboard does not start over.
            requestAnimationFrame(() => renameButton.current?.focus());
          }}
        />
      )}
      {failed && (
        <p className="message message-error" role="alert">
          {t(failed)}
        </p>
      )}
      {said && (
        <p className="notice" role="status">
          {t(said.key, said.params)}
        </p>
      )}

      <h4>{t('admin.regions.sites')}</h4>
      {region.sites.length === 0 ? (
        <p className="muted">{t('admin.regions.sites.none')}</p>
      ) : (
        <ul className="plain-list">
          {region.sites.map((site) => (
            <li key={site.id}>
              {site.name} <span className="muted">· {t(`admin.sites.kind.${site.kind}`)}</span>
            </li>
          ))}
        </ul>
      )}

      <h4>{t('admin.regions.people')}</h4>
      {region.people.length === 0 && <p className="muted">{t('admin.regions.people.none')}</p>}
      <ul className="item-list admin-rows">
        {region.people.map((who) => (
          <PersonRow
            key={who.id}
            who={who}
            region={region.name}
            self={who.id === self}
            onAsk={() => {
              setSaid(null);
              setFailed(null);
            }}
            onWithdraw={() => withdraw(who)}
          />
        ))}
      </ul>
      <GrantForm
        api={api}
        region={region}
        onGranted={(name) => {
          done({ key: 'admin.regions.granted', params: { name, region: region.name } });
        }}
      />
    </section>
  );
}

/** Someone who may sign in to the region, with "take access away" behind an "are you sure?"
 * in the row itself: a person can slip, and the other one is signed out at once. */
function PersonRow({
  who,
  region,
  self,
  onAsk,
  onWithdraw,
}: {
  who: RegionPerson;
  region: string;
  self: boolean;
  onAsk: () => void;
  /** Settles once the server answered (and the card has said how it went). */
  onWithdraw: () => Promise<void>;
}) {
  const { t } = useT();
  const [confirming, setConfirming] = useState(false);
  const textId = useId();
  const ask = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  useEffect(() => {
    // Asking: the safe choice has the focus, so Enter by habit keeps the access. Cancelled: back
    // to the button that asked.
    if (confirming) cancel.current?.focus();
    else if (opened.current) ask.current?.focus();
    opened.current ||= confirming;
  }, [confirming]);
  return (
    <li data-person={who.id}>
      <div className="row-text">
        <strong>{who.name}</strong> · {t(`admin.role.${who.role}`)}
        {self && <span className="muted"> ({t('admin.regions.you')})</span>}
        <br />
        <span className="muted">
          {t('admin.people.username')}: {who.username}
        </span>
      </div>
      {!self && !confirming && (
        <button
          ref={ask}
          type="button"
          className="btn btn-light btn-small"
          // The visible words start the name: voice control finds it; a screen reader hears whose.
          aria-label={t('admin.regions.withdraw.who', { name: who.name })}
          onClick={() => {
            onAsk();
            setConfirming(true);
          }}
        >
          {t('admin.regions.withdraw')}
        </button>
      )}
      {confirming && (
        <div className="row-panel notice-warn" role="alertdialog" aria-labelledby={textId}>
          <p id={textId}>{t('admin.regions.withdraw.confirm', { name: who.name, region })}</p>
          <div className="form-actions form-actions-start">
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => {
                // Taken away, the row goes; refused, the question closes and the card says why.
                void onWithdraw().then(() => {
                  setConfirming(false);
                });
              }}
            >
              {t('admin.regions.withdraw.yes')}
            </button>
            <button
              ref={cancel}
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function RenameForm({
  api,
  region,
  regions,
  onClose,
}: {
  api: AdminApi;
  region: AdminRegion;
  regions: readonly AdminRegion[];
  /** With the new name when it was saved; without when cancelled. */
  onClose: (renamed?: string) => void;
}) {
  const { t } = useT();
  const [name, setName] = useState(region.name);
  const [error, setError] = useState<MessageKey | null>(null);
  const errorId = useId();
  const input = useRef<HTMLDivElement>(null);
  useEffect(() => {
    input.current?.querySelector('input')?.focus();
  }, []);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const problem = regionNameProblem(name, regions, region.id);
    if (problem) {
      setError(problem);
      return;
    }
    const wanted = name.trim();
    if (wanted === region.name) {
      onClose();
      return;
    }
    api.renameRegion(region.id, wanted).then(
      ({ region: renamed }) => {
        onClose(renamed.name);
      },
      (e: unknown) => {
        setError(regionError(e, 'name'));
      },
    );
  };
  return (
    <form
      className="row-panel"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
      noValidate
    >
      <div ref={input}>
        <TextField
          label={t('admin.regions.rename.label', { name: region.name })}
          value={name}
          onChange={(value) => {
            setName(value);
            setError(null);
          }}
          maxLength={100}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
        />
      </div>
      {error && (
        <p id={errorId} className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="form-actions form-actions-start">
        <button type="submit" className="btn btn-primary">
          {t('admin.regions.rename.save')}
        </button>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            onClose();
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function GrantForm({
  api,
  region,
  onGranted,
}: {
  api: AdminApi;
  region: AdminRegion;
  onGranted: (name: string) => void;
}) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const helpId = useId();
  const errorId = useId();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const wanted = username.trim();
    if (wanted === '') {
      setError('admin.regions.error.username.empty');
      return;
    }
    api.grantRegion(region.id, wanted).then(
      ({ region: after }) => {
        setUsername('');
        setError(null);
        onGranted(after.people.find((p) => p.username === wanted)?.name ?? wanted);
      },
      (e: unknown) => {
        setError(regionError(e, 'grant'));
      },
    );
  };
  return (
    <form className="grant-form" onSubmit={submit} noValidate>
      <h4>{t('admin.regions.grant.title')}</h4>
      <TextField
        label={t('admin.regions.grant.username')}
        value={username}
        onChange={(value) => {
          setUsername(value);
          setError(null);
        }}
        autoComplete="off"
        maxLength={100}
        aria-invalid={error !== null}
        aria-describedby={error ? `${helpId} ${errorId}` : helpId}
      />
      <p id={helpId} className="hint">
        {t('admin.regions.grant.help')}
      </p>
      {error && (
        <p id={errorId} className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      <button type="submit" className="btn btn-primary">
        {t('admin.regions.grant.submit')}
      </button>
    </form>
  );
}

function NewRegionForm({
  api,
  regions,
  onDone,
}: {
  api: AdminApi;
  regions: readonly AdminRegion[];
  onDone: () => void;
}) {
  const { t } = useT();
  const [name, setName] = useState('');
  const [error, setError] = useState<MessageKey | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const errorId = useId();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setCreated(null);
    const problem = regionNameProblem(name, regions);
    if (problem) {
      setError(problem);
      return;
    }
    api.createRegion(name.trim()).then(
      ({ region }) => {
        setError(null);
        setCreated(region.name);
        setName('');
        onDone();
      },
      (e: unknown) => {
        setError(regionError(e, 'name'));
      },
    );
  };
  return (
    <form className="panel" onSubmit={submit} noValidate>
      <h3>{t('admin.regions.new')}</h3>
      <TextField
        label={t('admin.regions.name')}
        value={name}
        onChange={(value) => {
          setName(value);
          setError(null);
        }}
        maxLength={100}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <p id={errorId} className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      {created && (
        <div className="notice" role="status">
          <p>{t('admin.regions.created', { name: created })}</p>
          <p>{t('admin.regions.next')}</p>
        </div>
      )}
      <button type="submit" className="btn btn-primary">
        {t('admin.regions.create')}
      </button>
    </form>
  );
}
