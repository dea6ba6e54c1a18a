// The door's check-in (< 30 s): what it is, brand and model, the visitor's own words for the
// fault, its age, the table's skill (proposed from the kind), the house rules accepted, and — only
// with consent — a first name and a phone or e-mail for follow-up. Bad input is named in words
// and nothing is written.
import { useId, useRef, useState, type SyntheticEvent } from 'react';
import { CAFE_SKILLS, skillFor, type CafeSkill } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import {
  checkIn,
  StorageFullError,
  type CheckedIn,
  type CheckInData,
  type SessionRow,
} from '../../storage';
import { useSession } from '../setup/session';
import { skillName } from './cafeWords';
import { KindPicker, type CafeKind } from './KindPicker';

type Problem = 'kind' | 'problem' | 'age' | 'waiver' | 'contact' | 'email';

const PROBLEM_TEXT: Record<Problem, MessageKey> = {
  kind: 'cafe.checkin.error.kind',
  problem: 'cafe.checkin.error.problem',
  age: 'cafe.checkin.error.age',
  waiver: 'cafe.checkin.error.waiver',
  contact: 'cafe.checkin.error.contact',
  email: 'cafe.checkin.error.email',
};

interface Draft {
  kind: CafeKind | null;
  brand: string;
  model: string;
  problem: string;
  age: string;
  skill: CafeSkill | null;
  waiver: boolean;
  consent: boolean;
  firstName: string;
  phone: string;
  email: string;
}

const EMPTY: Draft = {
  kind: null,
  brand: '',
  model: '',
  problem: '',
  age: '',
  skill: null,
  waiver: false,
  consent: false,
  firstName: '',
  phone: '',
  email: '',
};

function problemsOf(d: Draft): Problem[] {
  const found: Problem[] = [];
  if (!d.kind) found.push('kind');
  if (!d.problem.trim()) found.push('problem');
  if (d.age.trim() && !/^\d{1,3}$/.test(d.age.trim())) found.push('age');
  else if (d.age.trim() && Number(d.age) > 150) found.push('age');
  if (!d.waiver) found.push('waiver');
  if (d.consent) {
    if (!d.firstName.trim() || (!d.phone.trim() && !d.email.trim())) found.push('contact');
    else if (d.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim()))
      found.push('email');
  }
  return found;
}

/** The check-in form; `onCheckedIn` hears of each ticket given (and remounts it for the next
 * visitor). */
export function CheckInForm({
  session,
  door,
  onCheckedIn,
}: {
  session: SessionRow;
  door: string | null;
  onCheckedIn: (done: CheckedIn) => void;
}) {
  const { t } = useT();
  const { author } = useSession();
  const ids = {
    kind: useId(),
    brand: useId(),
    model: useId(),
    problem: useId(),
    age: useId(),
    skill: useId(),
    firstName: useId(),
    phone: useId(),
    email: useId(),
    errors: useId(),
  };
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const busy = useRef(false);
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
  };
  const has = (p: Problem) => problems.includes(p);
  const tableSkills = new Set(session.tables.map((table) => table.skill));
  const skill =
    draft.skill ?? (draft.kind ? skillFor(draft.kind.category, draft.kind.unpoweredKind) : null);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current) return;
    const found = problemsOf(draft);
    setProblems(found);
    setFailure(null);
    if (found.length > 0 || !draft.kind || !skill) {
      // The first field at fault gets the focus, so a keyboard or screen reader lands on it.
      const form = event.currentTarget;
      requestAnimationFrame(() => {
        form
          .querySelector<HTMLElement>('[aria-invalid="true"] input, [aria-invalid="true"]')
          ?.focus();
      });
      return;
    }
    const data: CheckInData = {
      category: draft.kind.category,
      ...(draft.kind.unpoweredKind ? { unpoweredKind: draft.kind.unpoweredKind } : {}),
      ...(draft.brand.trim() ? { brand: draft.brand.trim() } : {}),
      ...(draft.model.trim() ? { model: draft.model.trim() } : {}),
      problem: draft.problem.trim(),
      ...(draft.age.trim() ? { ageYears: Number(draft.age) } : {}),
      skill,
      waiver: true,
      followUpConsent: draft.consent,
    };
    busy.current = true;
    try {
      const done = await checkIn(author, {
        session: session.code,
        door,
        data,
        contact: draft.consent
          ? { firstName: draft.firstName, phone: draft.phone, email: draft.email }
          : null,
      });
      // The parent shows the ticket and then gives the next visitor a fresh form (a new key).
      onCheckedIn(done);
    } catch (error) {
      setFailure(
        error instanceof StorageFullError
          ? 'cafe.checkin.error.storage'
          : 'cafe.checkin.error.failed',
      );
    } finally {
      busy.current = false;
    }
  };

  return (
    <form className="cafe-checkin" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('cafe.checkin.title')}</h2>
      <KindPicker
        value={draft.kind}
        invalid={has('kind')}
        errorId={has('kind') ? ids.errors : undefined}
        onChange={(kind) => {
          set({ kind, skill: null });
        }}
      />
      <div className="cafe-pair">
        <div className="field">
          <label htmlFor={ids.brand}>{t('cafe.checkin.brand')}</label>
          <input
            id={ids.brand}
            value={draft.brand}
            maxLength={80}
            autoComplete="off"
            onChange={(e) => {
              set({ brand: e.target.value });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.model}>{t('cafe.checkin.model')}</label>
          <input
            id={ids.model}
            value={draft.model}
            maxLength={80}
            autoComplete="off"
            onChange={(e) => {
              set({ model: e.target.value });
            }}
          />
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.problem}>{t('cafe.checkin.problem')}</label>
        <textarea
          id={ids.problem}
          value={draft.problem}
          rows={2}
          maxLength={1000}
          required
          aria-invalid={has('problem')}
          aria-describedby={has('problem') ? ids.errors : undefined}
          onChange={(e) => {
            set({ problem: e.target.value });
          }}
        />
      </div>
      <div className="cafe-pair">
        <div className="field">
          <label htmlFor={ids.age}>{t('cafe.checkin.age')}</label>
          <input
            id={ids.age}
            value={draft.age}
            inputMode="numeric"
            autoComplete="off"
            maxLength={3}
            aria-invalid={has('age')}
            onChange={(e) => {
              set({ age: e.target.value });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.skill}>{t('cafe.checkin.skill')}</label>
          <select
            id={ids.skill}
            value={skill ?? ''}
            onChange={(e) => {
              set({ skill: e.target.value as CafeSkill });
            }}
          >
            {skill === null && <option value="">—</option>}
            {CAFE_SKILLS.map((s) => (
              <option key={s} value={s}>
                {skillName(t, s)}
              </option>
            ))}
          </select>
          {skill && !tableSkills.has(skill) && (
            <p className="hint">
              {t('cafe.checkin.skill.no-table', { skill: skillName(t, skill) })}
            </p>
          )}
        </div>
      </div>
      <label className="switch cafe-check" data-invalid={has('waiver') || undefined}>
        <input
          type="checkbox"
          checked={draft.waiver}
          required
          aria-invalid={has('waiver')}
          onChange={(e) => {
            set({ waiver: e.target.checked });
          }}
        />
        <span>{t('cafe.checkin.waiver')}</span>
      </label>
      <label className="switch cafe-check">
        <input
          type="checkbox"
          checked={draft.consent}
          onChange={(e) => {
            set({ consent: e.target.checked });
          }}
        />
        <span>{t('cafe.checkin.consent')}</span>
      </label>
      {draft.consent && (
        <fieldset className="field cafe-contact">
          <legend className="visually-hidden">{t('cafe.checkin.consent')}</legend>
          <p className="hint">{t('cafe.checkin.contact.hint')}</p>
          <div className="cafe-triple">
            <div className="field">
              <label htmlFor={ids.firstName}>{t('cafe.checkin.first-name')}</label>
              <input
                id={ids.firstName}
                value={draft.firstName}
                maxLength={60}
                autoComplete="off"
                aria-invalid={has('contact') && !draft.firstName.trim()}
                onChange={(e) => {
                  set({ firstName: e.target.value });
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.phone}>{t('cafe.checkin.phone')}</label>
              <input
                id={ids.phone}
                type="tel"
                value={draft.phone}
                maxLength={40}
                autoComplete="off"
                aria-invalid={has('contact') && !draft.phone.trim() && !draft.email.trim()}
                onChange={(e) => {
                  set({ phone: e.target.value });
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.email}>{t('cafe.checkin.email')}</label>
              <input
                id={ids.email}
                type="email"
                value={draft.email}
                maxLength={200}
                autoComplete="off"
                aria-invalid={has('email')}
                onChange={(e) => {
                  set({ email: e.target.value });
                }}
              />
            </div>
          </div>
        </fieldset>
      )}
      {(problems.length > 0 || failure) && (
        <ul id={ids.errors} className="message message-error cafe-errors" role="alert">
          {problems.map((p) => (
            <li key={p}>{t(PROBLEM_TEXT[p])}</li>
          ))}
          {failure && <li>{t(failure)}</li>}
        </ul>
      )}
      <button type="submit" className="btn btn-primary btn-large btn-block">
        {t('cafe.checkin.submit')}
      </button>
    </form>
  );
}
