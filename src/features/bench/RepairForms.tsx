// The repairing steps: a repair (fault, action, parts, minutes, worker code) and a data wipe.
import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { parseDecimal } from '../../ui/numberInput';
import { TextField } from '../../ui/TextField';
import { useSession } from '../setup/session';
import { StepFrame, type StepDraft } from './StepFrame';
import type { StepProps } from './StepScreen';

const QUICK_MINUTES = [5, 10, 15, 30, 60];

interface PartInput {
  key: number;
  name: string;
  cost: string;
}

/** A repair; the worker code is the person who picked their code on this device. */
export function RepairForm(props: StepProps) {
  const { t } = useT();
  const { person } = useSession();
  const [fault, setFault] = useState('');
  const [action, setAction] = useState('');
  const [minutes, setMinutes] = useState('');
  const [parts, setParts] = useState<PartInput[]>([]);
  const minutesId = useId();
  const save = (): StepDraft => {
    if (!fault.trim() || !action.trim()) return { error: 'repair.error.text' };
    const mins = /^\d{1,5}$/.test(minutes.trim()) ? Number(minutes.trim()) : null;
    if (mins === null || mins > 10_000) return { error: 'repair.error.minutes' };
    const costs = parts.map((p) => parseDecimal(p.cost === '' ? '0' : p.cost));
    if (parts.some((p, i) => !p.name.trim() || costs[i] === null)) {
      return { error: 'repair.error.part' };
    }
    return {
      type: 'item.repaired',
      data: {
        fault: fault.trim(),
        action: action.trim(),
        minutes: mins,
        worker: person.name,
        parts: parts.map((p, i) => ({
          name: p.name.trim(),
          costEur: Math.round((costs[i] ?? 0) * 100) / 100,
        })),
      },
    };
  };
  const setPart = (key: number, change: Partial<PartInput>) => {
    setParts((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
  };
  return (
    <StepFrame {...props} onSave={save}>
      <TextField label={t('repair.fault')} value={fault} onChange={setFault} maxLength={500} />
      <TextField label={t('repair.action')} value={action} onChange={setAction} maxLength={500} />
      <div className="field">
        <label htmlFor={minutesId}>{t('repair.minutes')}</label>
        <div className="input-row">
          <input
            id={minutesId}
            inputMode="numeric"
            value={minutes}
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
              aria-label={t('repair.minutes.quick', { n: m })}
              onClick={() => {
                setMinutes(String(m));
              }}
            >
              {m}
            </button>
          ))}
        </div>
      </div>
      <fieldset className="field">
        <legend>{t('repair.parts')}</legend>
        {parts.map((part, n) => (
          <div key={part.key} className="part-row">
            <TextField
              label={t('repair.part.name', { n: n + 1 })}
              value={part.name}
              onChange={(name) => {
                setPart(part.key, { name });
              }}
              maxLength={500}
            />
            <TextField
              label={t('repair.part.cost', { n: n + 1 })}
              value={part.cost}
              onChange={(cost) => {
                setPart(part.key, { cost });
              }}
              inputMode="decimal"
              suffix="€"
            />
            <button
              type="button"
              className="btn btn-light btn-small"
              onClick={() => {
                setParts((list) => list.filter((p) => p.key !== part.key));
              }}
            >
              {t('repair.part.remove', { n: n + 1 })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            setParts((list) => [...list, { key: Date.now(), name: '', cost: '' }]);
          }}
        >
          + {t('repair.part.add')}
        </button>
      </fieldset>
      <p className="hint">{t('repair.worker', { code: person.name })}</p>
    </StepFrame>
  );
}

/** Data erasure (NIST SP 800-88 levels), required for data-bearing devices. */
export function WipeForm(props: StepProps) {
  const { t } = useT();
  const [method, setMethod] = useState<'clear' | 'purge' | 'destroy' | null>(null);
  const [tool, setTool] = useState('');
  const [verified, setVerified] = useState<'yes' | 'no' | null>(null);
  const [certificate, setCertificate] = useState('');
  const save = (): StepDraft => {
    if (!method || !verified) return { error: 'step.error.choose' };
    if (!tool.trim()) return { error: 'wipe.error.tool' };
    return {
      type: 'item.data-wiped',
      data: {
        method,
        tool: tool.trim(),
        verified: verified === 'yes',
        ...(certificate.trim() ? { certificate: certificate.trim() } : {}),
      },
    };
  };
  return (
    <StepFrame {...props} onSave={save}>
      <ChoiceGroup
        legend={t('wipe.method')}
        value={method}
        onChange={setMethod}
        options={[
          { value: 'clear', label: t('wipe.method.clear') },
          { value: 'purge', label: t('wipe.method.purge') },
          { value: 'destroy', label: t('wipe.method.destroy') },
        ]}
      />
      <TextField
        label={t('wipe.tool')}
        value={tool}
        onChange={setTool}
        suggestions={['Fabrieksreset (versleuteld toestel)', 'Blancco', 'nwipe', 'ShredOS']}
        maxLength={500}
      />
      <ChoiceGroup
        legend={t('wipe.verified')}
        value={verified}
        onChange={setVerified}
        options={[
          { value: 'yes', label: t('wipe.verified.yes') },
          { value: 'no', label: t('wipe.verified.no') },
        ]}
      />
      <TextField
        label={t('wipe.certificate')}
        value={certificate}
        onChange={setCertificate}
        maxLength={500}
      />
    </StepFrame>
  );
}
