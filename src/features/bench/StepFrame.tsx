// The frame every workshop step shares: where we are ("step 2 of 6", the work only), the form, one error line,
// save-and-continue and skip. Saving records the step's event and opens the next step.
import { useState, type ReactNode, type SyntheticEvent } from 'react';
import { formatCode, type EventDataMap } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { useNavigation } from '../../state/navigation';
import type { ItemRow } from '../../storage';
import { useToast } from '../../ui/toast';
import { itemTitle } from '../intake/itemLabel';
import { useSession } from '../setup/session';
import { useCommand } from '../useCommand';
import { recordStep, type StepEventType } from './benchActions';
import { stepAfter, stepCount, type Step, type StepInfo } from './steps';

/** What a step's form hands over on save: the event to record, or why it cannot be saved. */
export type StepDraft =
  | { [K in StepEventType]: { type: K; data: EventDataMap[K] } }[StepEventType]
  | { error: MessageKey };

interface Props {
  item: ItemRow;
  step: Step;
  steps: readonly StepInfo[];
  children: ReactNode;
  onSave: () => StepDraft;
  /** Hide "skip" where skipping means nothing (the last steps). */
  skippable?: boolean;
  saveLabel?: MessageKey;
}

/** One step screen. */
export function StepFrame({
  item,
  step,
  steps,
  children,
  onSave,
  skippable = true,
  saveLabel = 'step.save',
}: Props) {
  const { t } = useT();
  const { author } = useSession();
  const go = useNavigation((s) => s.go);
  const show = useToast((s) => s.show);
  const run = useCommand();
  const [error, setError] = useState<MessageKey | null>(null);
  const count = stepCount(steps, step);
  const next = stepAfter(steps, step);
  const onward = () => {
    // Selling and returning end the work; otherwise the next step, or the card after the last.
    if (next && step !== 'sold' && step !== 'returned')
      go({ name: 'step', code: item.code, step: next }, { replace: true });
    else go({ name: 'item', code: item.code }, { replace: true });
  };
  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const draft = onSave();
    if ('error' in draft) {
      setError(draft.error);
      return;
    }
    setError(null);
    if (await run(() => recordStep(author, item.code, draft.type, draft.data))) {
      show(t('step.saved', { step: t(`step.${step}`) }));
      onward();
    }
  };
  return (
    <>
      <StepWhere
        item={item}
        onClick={() => {
          go({ name: 'item', code: item.code });
        }}
      />
      <h1>
        {count && (
          <>
            <span className="step-count">{t('step.count', count)}</span>{' '}
          </>
        )}
        {t(`step.${step}`)}
      </h1>
      <form
        className="step-form"
        noValidate
        onSubmit={(e) => void submit(e)}
        onChange={() => {
          setError(null);
        }}
      >
        {children}
        {error && (
          <p className="message message-error" role="alert">
            {t(error)}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary btn-large">
            {t(saveLabel)}
          </button>
          {skippable && (
            <button type="button" className="btn btn-secondary" onClick={onward}>
              {t(next ? 'step.skip' : 'step.skip.last')}
            </button>
          )}
        </div>
      </form>
    </>
  );
}

/** "← ☕ Koffiezetapparaat BW-…" above a step: which appliance, and the way to its card. */
export function StepWhere({ item, onClick }: { item: ItemRow; onClick: () => void }) {
  const { lang } = useT();
  return (
    <p className="step-where">
      <button type="button" className="btn btn-light btn-small" onClick={onClick}>
        ← {itemTitle(item, lang)} <span className="code">{formatCode(item.code)}</span>
      </button>
    </p>
  );
}
