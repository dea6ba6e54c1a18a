// The workshop part of an item's card: receive it if the shop has not yet, and its steps in
// working order — done ones with their result, the next one as the big button.
import type { BewaarEvent } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import type { ItemRow } from '../../storage';
import { useToast } from '../../ui/toast';
import { useSession } from '../setup/session';
import { useCommand } from '../useCommand';
import { receiveItem } from './benchActions';
import { nextStep, stepsFor } from './steps';
import { StepResult } from './StepResult';

/** Steps of one item on a shop device. */
export function BenchPanel({ item, history }: { item: ItemRow; history: readonly BewaarEvent[] }) {
  const { t } = useT();
  const { author } = useSession();
  const go = useNavigation((s) => s.go);
  const show = useToast((s) => s.show);
  const run = useCommand();
  const steps = stepsFor(item, history);
  const next = nextStep(steps);
  const finished = item.status === 'sold' || item.status === 'rejected';
  return (
    <section className="panel bench" aria-labelledby="bench-title">
      <h2 id="bench-title">{t('bench.title')}</h2>
      {item.receivedAt === null && (
        <button
          type="button"
          className="btn btn-secondary btn-block"
          onClick={() => {
            void run(() => receiveItem(author, item.code, null)).then((ok) => {
              if (ok) show(t('bench.received'));
            });
          }}
        >
          🏬 {t('bench.receive')}
        </button>
      )}
      {next && !finished && (
        <button
          type="button"
          className="btn btn-primary btn-block btn-large"
          onClick={() => {
            go({ name: 'step', code: item.code, step: next });
          }}
        >
          {t('bench.next', { step: t(`step.${next}`) })}
        </button>
      )}
      <ol className="steps">
        {steps.map((info) => (
          <li key={info.step} className={info.done ? 'step-done' : 'step-open'}>
            <button
              type="button"
              className="row-button"
              onClick={() => {
                go({ name: 'step', code: item.code, step: info.step });
              }}
            >
              <span aria-hidden="true">{info.done ? '✅' : '⬜'}</span>
              <span>
                <strong>{t(`step.${info.step}`)}</strong>
                {info.requiredForSale && !info.done && (
                  <span className="muted"> · {t('bench.required')}</span>
                )}
              </span>
              <span className="muted">
                {info.done ? <StepResult event={info.done} /> : t('bench.todo')}
              </span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
