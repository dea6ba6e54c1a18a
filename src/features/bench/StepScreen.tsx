// /i/<code>/<step>: one workshop step of one item, with the form that step needs.
import { parseCode } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useHistory, useItem, type ItemRow } from '../../storage';
import { OutcomeForm, ReturnedForm, SoldForm } from './OutcomeForms';
import { StepWhere } from './StepFrame';
import { RepairForm, WipeForm } from './RepairForms';
import { nextStep, stepsFor, type Step, type StepInfo } from './steps';
import { FunctionForm, InspectForm, SafetyForm } from './TestForms';

export interface StepProps {
  item: ItemRow;
  step: Step;
  steps: readonly StepInfo[];
}

const FORMS: Record<Step, (props: StepProps) => React.JSX.Element> = {
  inspect: InspectForm,
  safety: SafetyForm,
  function: FunctionForm,
  repair: RepairForm,
  wipe: WipeForm,
  outcome: OutcomeForm,
  sold: SoldForm,
  returned: ReturnedForm,
};

/** The step screen for a code from the address bar. */
export function StepScreen({ code, step }: { code: string; step: Step }) {
  const { t } = useT();
  const parsed = parseCode(code);
  const canonical = parsed.ok && parsed.kind === 'item' ? parsed.code : null;
  const item = useItem(canonical);
  const history = useHistory(canonical);
  if (!canonical)
    return (
      <p className="message message-error" role="alert">
        {t('step.bad-code')}
      </p>
    );
  if (item === undefined || history === undefined)
    return <p role="status">{t('common.loading')}</p>;
  if (!item?.registered || item.voided) {
    return (
      <p className="message message-error" role="alert">
        {t('step.unknown-item')}
      </p>
    );
  }
  const steps = stepsFor(item, history);
  if (!steps.some((s) => s.step === step))
    return <NotApplicable item={item} step={step} steps={steps} />;
  const Form = FORMS[step];
  // Keyed by step: moving on to the next step starts with an empty form.
  return <Form key={`${item.code}-${step}`} item={item} step={step} steps={steps} />;
}

/** A link or an old bookmark to a step this appliance does not need (selling one not yet priced,
 * wiping a kettle): say so, and offer the step that does come next and the appliance's card. */
function NotApplicable({ item, step, steps }: StepProps) {
  const { t } = useT();
  const go = useNavigation((s) => s.go);
  const finished = item.status === 'sold' || item.status === 'rejected';
  const next = finished ? null : nextStep(steps);
  const toCard = () => {
    go({ name: 'item', code: item.code }, { replace: true });
  };
  return (
    <>
      <StepWhere item={item} onClick={toCard} />
      <h1>{t(`step.${step}`)}</h1>
      <p className="notice notice-warn">{t('step.not-applicable', { step: t(`step.${step}`) })}</p>
      <div className="form-actions form-actions-start">
        {next && (
          <button
            type="button"
            className="btn btn-primary btn-large"
            onClick={() => {
              go({ name: 'step', code: item.code, step: next }, { replace: true });
            }}
          >
            {t('bench.next', { step: t(`step.${next}`) })}
          </button>
        )}
        <button
          type="button"
          className={next ? 'btn btn-secondary btn-large' : 'btn btn-primary btn-large'}
          onClick={toCard}
        >
          {t('step.to-card')}
        </button>
      </div>
    </>
  );
}
