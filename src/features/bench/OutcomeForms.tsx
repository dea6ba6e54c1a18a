// The deciding steps: for sale (price, warranty) or rejected (reason, destination); sold; returned.
// Price and sale are checked against the domain's sale rules before anything is written.
import { useState } from 'react';
import { saleBlockers, type EventDataMap, type SaleBlocker } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { formatDecimalInput, parseDecimal } from '../../ui/numberInput';
import { TextField } from '../../ui/TextField';
import { StepFrame, type StepDraft } from './StepFrame';
import type { StepProps } from './StepScreen';
import { stepOfBlocker } from './steps';

type Reason = EventDataMap['item.rejected']['reason'];
const REASONS: readonly Reason[] = [1, 2, 3, 4, 5, 6, 'unsafe', 'no-demand', 'incomplete'];
const DEFAULT_WARRANTY_MONTHS = '12';

/** Euros typed with a comma or point, at most two decimals. */
function parseEuro(text: string): number | null {
  const value = parseDecimal(text);
  return value !== null && value <= 100_000 && Math.round(value * 100) === value * 100
    ? value
    : null;
}

/** Why the item cannot be priced or sold yet, with a way to the missing step. */
function Blockers({ blockers, code }: { blockers: readonly SaleBlocker[]; code: string }) {
  const { t } = useT();
  const go = useNavigation((s) => s.go);
  if (blockers.length === 0) return null;
  return (
    <div className="panel notice-warn" role="status">
      <p>
        <strong>{t('outcome.blocked')}</strong>
      </p>
      <ul>
        {blockers.map((blocker) => {
          const step = stepOfBlocker(blocker);
          return (
            <li key={blocker}>
              {t(`blocker.${blocker}`)}{' '}
              {step && (
                <button
                  type="button"
                  className="btn btn-secondary btn-small"
                  onClick={() => {
                    go({ name: 'step', code, step });
                  }}
                >
                  {t('blocker.go', { step: t(`step.${step}`) })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The decision: for sale or rejected. */
export function OutcomeForm(props: StepProps) {
  const { t } = useT();
  const { item } = props;
  const [choice, setChoice] = useState<'sale' | 'reject' | null>(null);
  const [price, setPrice] = useState('');
  const [warranty, setWarranty] = useState(DEFAULT_WARRANTY_MONTHS);
  const [reason, setReason] = useState<string | null>(null);
  const [destination, setDestination] = useState<'recycling' | 'parts' | null>(null);
  const blockers = saleBlockers(item, 'price');
  const save = (): StepDraft => {
    if (choice === 'sale') {
      if (blockers.length > 0) return { error: 'outcome.error.blocked' };
      const priceEur = parseEuro(price);
      if (priceEur === null) return { error: 'outcome.error.price' };
      if (!/^\d{1,3}$/.test(warranty.trim()) || Number(warranty) > 120)
        return { error: 'outcome.error.warranty' };
      return { type: 'item.priced', data: { priceEur, warrantyMonths: Number(warranty) } };
    }
    const picked = REASONS.find((r) => String(r) === reason);
    if (choice === 'reject' && picked !== undefined && destination)
      return { type: 'item.rejected', data: { reason: picked, destination } };
    return { error: 'step.error.choose' };
  };
  return (
    <StepFrame {...props} onSave={save} skippable={false}>
      <ChoiceGroup
        legend={t('outcome.choice')}
        value={choice}
        onChange={setChoice}
        options={[
          { value: 'sale', label: `🏷️ ${t('outcome.sale')}` },
          { value: 'reject', label: `♻️ ${t('outcome.reject')}` },
        ]}
      />
      {choice === 'sale' && (
        <>
          <Blockers blockers={blockers} code={item.code} />
          <TextField
            label={t('outcome.price')}
            value={price}
            onChange={setPrice}
            inputMode="decimal"
            suffix="€"
          />
          <TextField
            label={t('outcome.warranty')}
            value={warranty}
            onChange={setWarranty}
            inputMode="numeric"
            suffix={t('outcome.months')}
          />
        </>
      )}
      {choice === 'reject' && (
        <>
          <ChoiceGroup
            legend={t('outcome.reason')}
            value={reason}
            onChange={setReason}
            options={REASONS.map((r) => ({ value: String(r), label: t(`reason.${r}`) }))}
          />
          <ChoiceGroup
            legend={t('outcome.destination')}
            value={destination}
            onChange={setDestination}
            options={[
              { value: 'recycling', label: t('destination.recycling') },
              { value: 'parts', label: t('destination.parts') },
            ]}
          />
        </>
      )}
    </StepFrame>
  );
}

/** The sale at the till. */
export function SoldForm(props: StepProps) {
  const { t, locale } = useT();
  const { item } = props;
  const [price, setPrice] = useState(
    item.price ? formatDecimalInput(item.price.priceEur, locale) : '',
  );
  const blockers = saleBlockers(item, 'sell');
  const save = (): StepDraft => {
    if (blockers.length > 0) return { error: 'outcome.error.blocked' };
    const priceEur = parseEuro(price);
    return priceEur === null
      ? { error: 'outcome.error.price' }
      : { type: 'item.sold', data: { priceEur } };
  };
  return (
    <StepFrame {...props} onSave={save} skippable={false} saveLabel="sold.save">
      <Blockers blockers={blockers} code={item.code} />
      <TextField
        label={t('sold.price')}
        value={price}
        onChange={setPrice}
        inputMode="decimal"
        suffix="€"
      />
    </StepFrame>
  );
}

/** A customer brought it back: it goes back to the workshop. */
export function ReturnedForm(props: StepProps) {
  const { t } = useT();
  const [reason, setReason] = useState('');
  const save = (): StepDraft =>
    reason.trim()
      ? { type: 'item.returned', data: { reason: reason.trim() } }
      : { error: 'returned.error.reason' };
  return (
    <StepFrame {...props} onSave={save} skippable={false}>
      <TextField
        label={t('returned.reason')}
        value={reason}
        onChange={setReason}
        multiline
        maxLength={500}
      />
    </StepFrame>
  );
}
