// /i/<code>/<step>: one workshop step of one item, with the form that step needs.
import { parseCode } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useHistory, useItem, type ItemRow } from '../../storage';
import { OutcomeForm, ReturnedForm, SoldForm } from './OutcomeForms';
import { RepairForm, WipeForm } from './RepairForms';
import { stepsFor, type Step, type StepInfo } from './steps';
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
  if (!steps.some((s) => s.step === step)) {
    return <p className="notice">{t('step.not-applicable', { step: t(`step.${step}`) })}</p>;
  }
  const Form = FORMS[step];
  // Keyed by step: moving on to the next step starts with an empty form.
  return <Form key={`${item.code}-${step}`} item={item} step={step} steps={steps} />;
}
