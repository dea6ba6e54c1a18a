// The checking steps: inspection, electrical safety test, function test.
import { useId, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { parseDecimal } from '../../ui/numberInput';
import { TextField } from '../../ui/TextField';
import { safetyMethods } from './safetyMethods';
import { StepFrame, type StepDraft } from './StepFrame';
import type { StepProps } from './StepScreen';

/** Inspection: how it looks and whether it is complete. */
export function InspectForm(props: StepProps) {
  const { t } = useT();
  const [visual, setVisual] = useState<'ok' | 'damaged' | null>(null);
  const [complete, setComplete] = useState<'yes' | 'no' | null>(
    props.item.complete === null ? null : props.item.complete ? 'yes' : 'no',
  );
  const [note, setNote] = useState('');
  const save = (): StepDraft => {
    if (!visual || !complete) return { error: 'step.error.choose' };
    return {
      type: 'item.inspected',
      data: { visual, complete: complete === 'yes', ...(note.trim() ? { note: note.trim() } : {}) },
    };
  };
  return (
    <StepFrame {...props} onSave={save}>
      <ChoiceGroup
        legend={t('inspect.visual')}
        value={visual}
        onChange={setVisual}
        options={[
          { value: 'ok', label: t('inspect.visual.ok') },
          { value: 'damaged', label: t('inspect.visual.damaged') },
        ]}
      />
      <ChoiceGroup
        legend={t('form.complete')}
        value={complete}
        onChange={setComplete}
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
      />
      <TextField
        label={t('form.note')}
        value={note}
        onChange={setNote}
        multiline
        maxLength={1000}
      />
    </StepFrame>
  );
}

/** An optional measured value: empty is fine, anything else must be a number. */
function measured(text: string): number | undefined | 'bad' {
  if (text.trim() === '') return undefined;
  return parseDecimal(text) ?? 'bad';
}

/** Electrical safety test: pass or fail, how, and optionally what was measured. */
export function SafetyForm(props: StepProps) {
  const { t, lang } = useT();
  const [result, setResult] = useState<'pass' | 'fail' | null>(null);
  // Not prefilled: the method is what the technician chose for this appliance.
  const [method, setMethod] = useState('');
  const methodHelp = useId();
  const [instrument, setInstrument] = useState('');
  const [insulation, setInsulation] = useState('');
  const [earth, setEarth] = useState('');
  const [leakage, setLeakage] = useState('');
  const save = (): StepDraft => {
    if (!result) return { error: 'step.error.choose' };
    if (!method.trim()) return { error: 'safety.error.method' };
    const values = {
      insulationMOhm: measured(insulation),
      earthOhm: measured(earth),
      leakageMA: measured(leakage),
    };
    if (Object.values(values).includes('bad')) return { error: 'safety.error.number' };
    const data: Record<string, unknown> = { result, method: method.trim() };
    if (instrument.trim()) data.instrument = instrument.trim();
    for (const [key, value] of Object.entries(values)) if (value !== undefined) data[key] = value;
    return { type: 'item.safety-tested', data: data as { result: 'pass'; method: string } };
  };
  return (
    <StepFrame {...props} onSave={save}>
      <ChoiceGroup
        legend={t('safety.result')}
        value={result}
        onChange={setResult}
        options={[
          { value: 'pass', label: `✅ ${t('result.pass')}` },
          { value: 'fail', label: `❌ ${t('result.fail')}` },
        ]}
      />
      <TextField
        label={t('safety.method')}
        value={method}
        onChange={setMethod}
        suggestions={safetyMethods(lang)}
        maxLength={500}
        aria-describedby={methodHelp}
      />
      <p id={methodHelp} className="hint">
        {t('safety.method.help')}
      </p>
      <TextField
        label={t('safety.instrument')}
        value={instrument}
        onChange={setInstrument}
        maxLength={500}
      />
      <details className="panel">
        <summary>{t('safety.values')}</summary>
        <TextField
          label={t('safety.insulation')}
          value={insulation}
          onChange={setInsulation}
          inputMode="decimal"
          suffix="MΩ"
        />
        <TextField
          label={t('safety.earth')}
          value={earth}
          onChange={setEarth}
          inputMode="decimal"
          suffix="Ω"
        />
        <TextField
          label={t('safety.leakage')}
          value={leakage}
          onChange={setLeakage}
          inputMode="decimal"
          suffix="mA"
        />
      </details>
    </StepFrame>
  );
}

/** Function test: does it do what it is for. */
export function FunctionForm(props: StepProps) {
  const { t } = useT();
  const [result, setResult] = useState<'pass' | 'partial' | 'fail' | null>(null);
  const [note, setNote] = useState('');
  const save = (): StepDraft =>
    result
      ? {
          type: 'item.function-tested',
          data: { result, ...(note.trim() ? { note: note.trim() } : {}) },
        }
      : { error: 'step.error.choose' };
  return (
    <StepFrame {...props} onSave={save}>
      <ChoiceGroup
        legend={t('function.result')}
        value={result}
        onChange={setResult}
        options={[
          { value: 'pass', label: `✅ ${t('result.pass')}` },
          { value: 'partial', label: `⚠️ ${t('result.partial')}` },
          { value: 'fail', label: `❌ ${t('result.fail')}` },
        ]}
      />
      <TextField
        label={t('form.note')}
        value={note}
        onChange={setNote}
        multiline
        maxLength={1000}
      />
    </StepFrame>
  );
}
