// The fixer's outcome (< 20 s): fixed / repairable (next step, parts needed, where from) / end of
// life (the barrier in words), what the fault was, what was done, minutes.
import { useId, useState, type SyntheticEvent } from 'react';
import type { VisitState } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { recordOutcome, type Outcome } from '../../storage';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { useToast } from '../../ui/toast';
import { useCommand } from '../useCommand';
import { useSession } from '../setup/session';
import { ticketLabel } from './cafeWords';

type Status = Outcome['status'];
type NextStep = NonNullable<Outcome['nextStep']>;
type Parts = NonNullable<Outcome['spareParts']>;
type Source = NonNullable<Outcome['partsSource']>;
type Barrier = NonNullable<Outcome['barrier']>;
type Problem = 'status' | 'next-step' | 'barrier' | 'fault' | 'minutes';

const BARRIERS: readonly Barrier[] = [1, 2, 3, 4, 5, 6];
const QUICK_MINUTES = [10, 20, 30, 45, 60];

/** The outcome form of a visit at this fixer's table; `onDone` after it is stored. */
export function OutcomeForm({ visit, onDone }: { visit: VisitState; onDone: () => void }) {
  const { t } = useT();
  const { author, person } = useSession();
  const run = useCommand();
  const show = useToast((s) => s.show);
  const ids = { fault: useId(), solution: useId(), minutes: useId(), errors: useId() };
  const [status, setStatus] = useState<Status | null>(null);
  const [nextStep, setNextStep] = useState<NextStep | null>(null);
  const [parts, setParts] = useState<Parts | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [barrier, setBarrier] = useState<Barrier | null>(null);
  const [fault, setFault] = useState('');
  const [solution, setSolution] = useState('');
  const [minutes, setMinutes] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const has = (p: Problem) => problems.includes(p);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const found: Problem[] = [];
    if (!status) found.push('status');
    if (status === 'repairable' && !nextStep) found.push('next-step');
    if (status === 'end-of-life' && !barrier) found.push('barrier');
    if (!fault.trim()) found.push('fault');
    const mins = /^\d{1,4}$/.test(minutes.trim()) ? Number(minutes) : null;
    if (mins === null || mins > 1000) found.push('minutes');
    setProblems(found);
    if (found.length > 0 || !status || mins === null) return;
    const data: Outcome = {
      status,
      fault: fault.trim(),
      minutes: mins,
      fixer: person.name,
      ...(solution.trim() ? { solution: solution.trim() } : {}),
      ...(status === 'repairable' && nextStep ? { nextStep } : {}),
      ...(status === 'repairable' && parts ? { spareParts: parts } : {}),
      ...(status === 'repairable' && parts === 'needed' && source ? { partsSource: source } : {}),
      ...(status === 'end-of-life' && barrier ? { barrier } : {}),
    };
    if (await run(() => recordOutcome(author, visit.ticket, data))) {
      show(t('cafe.outcome.done', { label: ticketLabel(visit) }));
      onDone();
    }
  };

  const ERRORS: Record<Problem, MessageKey> = {
    status: 'cafe.outcome.error.status',
    'next-step': 'cafe.outcome.error.next-step',
    barrier: 'cafe.outcome.error.barrier',
    fault: 'cafe.outcome.error.fault',
    minutes: 'cafe.outcome.error.minutes',
  };
  return (
    <form className="cafe-outcome" onSubmit={(e) => void submit(e)} noValidate>
      <h2>{t('cafe.outcome.title')}</h2>
      <ChoiceGroup<Status>
        legend={t('cafe.outcome.status')}
        value={status}
        options={[
          { value: 'fixed', label: t('cafe.outcome.fixed') },
          { value: 'repairable', label: t('cafe.outcome.repairable') },
          { value: 'end-of-life', label: t('cafe.outcome.end-of-life') },
        ]}
        onChange={setStatus}
      />
      {status === 'repairable' && (
        <>
          <ChoiceGroup<NextStep>
            legend={t('cafe.outcome.next-step')}
            value={nextStep}
            options={(['more-time', 'professional-help', 'do-it-yourself'] as const).map((v) => ({
              value: v,
              label: t(`cafe.outcome.next-step.${v}`),
            }))}
            onChange={setNextStep}
          />
          <ChoiceGroup<Parts>
            legend={t('cafe.outcome.parts')}
            value={parts}
            options={(['needed', 'not-needed'] as const).map((v) => ({
              value: v,
              label: t(`cafe.outcome.parts.${v}`),
            }))}
            onChange={setParts}
          />
          {parts === 'needed' && (
            <ChoiceGroup<Source>
              legend={t('cafe.outcome.source')}
              value={source}
              options={(['manufacturer', 'third-party'] as const).map((v) => ({
                value: v,
                label: t(`cafe.outcome.source.${v}`),
              }))}
              onChange={setSource}
            />
          )}
        </>
      )}
      {status === 'end-of-life' && (
        <ChoiceGroup<`${Barrier}`>
          legend={t('cafe.outcome.barrier')}
          value={barrier === null ? null : `${barrier}`}
          options={BARRIERS.map((b) => ({ value: `${b}`, label: t(`cafe.barrier.${b}`) }))}
          onChange={(v) => {
            setBarrier(Number(v) as Barrier);
          }}
        />
      )}
      <div className="field">
        <label htmlFor={ids.fault}>{t('cafe.outcome.fault')}</label>
        <textarea
          id={ids.fault}
          value={fault}
          rows={2}
          maxLength={1000}
          aria-invalid={has('fault')}
          onChange={(e) => {
            setFault(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.solution}>{t('cafe.outcome.solution')}</label>
        <textarea
          id={ids.solution}
          value={solution}
          rows={2}
          maxLength={1000}
          onChange={(e) => {
            setSolution(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.minutes}>{t('cafe.outcome.minutes')}</label>
        <div className="input-row">
          <input
            id={ids.minutes}
            value={minutes}
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={has('minutes')}
            onChange={(e) => {
              setMinutes(e.target.value);
            }}
          />
          <span className="suffix">min</span>
        </div>
        <div className="choices quick-minutes">
          {QUICK_MINUTES.map((m) => (
            <button
              key={m}
              type="button"
              className="btn btn-light btn-small"
              aria-label={`${m} min`}
              onClick={() => {
                setMinutes(String(m));
              }}
            >
              {m}
            </button>
          ))}
        </div>
      </div>
      {problems.length > 0 && (
        <ul id={ids.errors} className="message message-error cafe-errors" role="alert">
          {problems.map((p) => (
            <li key={p}>{t(ERRORS[p])}</li>
          ))}
        </ul>
      )}
      <button type="submit" className="btn btn-primary btn-large btn-block">
        {t('cafe.outcome.submit')}
      </button>
    </form>
  );
}
