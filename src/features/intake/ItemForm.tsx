// The item form, for a new registration and for a correction: as few taps as possible (the
// park's usual kinds first, the condition beside them, Bewaren always in view), the weight
// prefilled from the category and questioned when implausible, every error next to its field.
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import {
  categoryById,
  checkWeight,
  defaultWeightKg,
  MAX_WEIGHT_KG,
  plausibleMaxKg,
  rankKinds,
  type Lang,
} from '../../domain';
import { useT, type Translator } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { useKnownBrands } from '../../storage';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { brandSuggestions } from './brands';
import { CategoryPicker } from './CategoryPicker';
import type { RegisteredData } from './itemActions';
import { PhotoField } from './PhotoField';
import { formatWeightInput, parseWeight } from './weight';

type Condition = RegisteredData['condition'];

interface Props {
  initial?: RegisteredData;
  submitLabel: string;
  onSubmit: (data: RegisteredData) => Promise<void>;
  onCancel: () => void;
  /** Every category id, the park's most logged first (the usual order when not given). */
  kindOrder?: readonly number[];
}

const USUAL_ORDER = rankKinds(new Map());
const NOTE_MAX = 1000;
/** The note's counter shows from here on, so a long note is not cut off unannounced. */
const NOTE_COUNT_FROM = 800;

/** A kind's name inside a sentence: lower case, except an abbreviation ("TV and gaming…"). */
function kindInSentence(id: number, lang: Lang): string {
  const name = categoryById(id)?.name[lang] ?? '';
  const second = name.charAt(1);
  return second !== '' && second === second.toLocaleUpperCase()
    ? name
    : name.charAt(0).toLocaleLowerCase() + name.slice(1);
}

/** The question asked before an implausible weight is saved. */
function weightQuestion(tr: Translator, category: number, kg: number) {
  return {
    question: tr.t('form.weight.ask', {
      weight: tr.number(kg, 3),
      kind: kindInSentence(category, tr.lang),
    }),
    hint: tr.t('form.weight.ask.hint', { max: tr.number(plausibleMaxKg(category) ?? 0, 0) }),
    yes: tr.t('form.weight.ask.yes', { weight: tr.number(kg, 3) }),
  };
}

/** Collects the fields of `item.registered`. */
export function ItemForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  kindOrder = USUAL_ORDER,
}: Props) {
  const tr = useT();
  const { t } = tr;
  const ids = {
    brand: useId(),
    brands: useId(),
    weight: useId(),
    note: useId(),
    catErr: useId(),
    weightErr: useId(),
    noteCount: useId(),
    ask: useId(),
  };
  const [category, setCategory] = useState<number | null>(initial?.category ?? null);
  const [brand, setBrand] = useState(initial?.brand ?? '');
  const [condition, setCondition] = useState<Condition>(initial?.condition ?? 'works');
  const [complete, setComplete] = useState<'yes' | 'no'>(
    initial?.complete === false ? 'no' : 'yes',
  );
  const [weight, setWeight] = useState(
    initial ? formatWeightInput(initial.weightKg, tr.locale) : '',
  );
  const [weightTouched, setWeightTouched] = useState(initial !== undefined);
  const [weighed, setWeighed] = useState(initial?.weighed ?? false);
  const [photos, setPhotos] = useState<string[]>(initial?.photos ?? []);
  const [note, setNote] = useState(initial?.note ?? '');
  const [errors, setErrors] = useState<{
    category?: MessageKey;
    weight?: MessageKey;
    save?: MessageKey;
  }>({});
  // The implausible weight asked about; saving the same kind and weight again is the answer.
  const [asking, setAsking] = useState<{ category: number; kg: number } | null>(null);
  const weightRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!asking) return;
    // The question sits in the bar at the foot of the screen: bring the weight it asks about
    // into view above it (on a phone the bar covered the field).
    weightRef.current?.scrollIntoView({ block: 'center' });
    confirmRef.current?.focus({ preventScroll: true });
  }, [asking]);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  // After a refused save, focus the first field in error — once React has marked it invalid.
  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current
      ?.querySelector<HTMLElement>('[aria-invalid="true"] input, input[aria-invalid="true"]')
      ?.focus();
  }, [focusRequest]);
  const brands = brandSuggestions(useKnownBrands() ?? [], tr.locale);

  const chooseCategory = (id: number) => {
    setCategory(id);
    setAsking(null);
    setErrors((e) => ({ ...e, category: undefined }));
    if (!weightTouched) setWeight(formatWeightInput(defaultWeightKg(id), tr.locale));
  };

  const submit = async (event: SyntheticEvent | null, confirmed = false) => {
    event?.preventDefault();
    const weightKg = parseWeight(weight);
    const found: typeof errors = {};
    if (category === null) found.category = 'form.error.category';
    if (weightKg === null) found.weight = 'form.error.weight';
    else if (weightKg > MAX_WEIGHT_KG) found.weight = 'form.error.weight-max';
    setErrors(found);
    if (category === null || weightKg === null || found.weight) {
      setAsking(null);
      setFocusRequest((n) => n + 1);
      return;
    }
    if (!confirmed && checkWeight(category, weightKg) === 'ask') {
      setAsking({ category, kg: weightKg });
      return;
    }
    setAsking(null);
    // Starts from the initial values so fields this form does not show (model, description)
    // pass through a correction unchanged.
    const data: RegisteredData = {
      ...initial,
      category,
      condition,
      complete: complete === 'yes',
      weightKg,
      weighed,
      photos,
    };
    if (brand.trim()) data.brand = brand.trim();
    else delete data.brand;
    if (note.trim()) data.note = note.trim();
    else delete data.note;
    setSaving(true);
    try {
      await onSubmit(data);
    } catch (error) {
      setErrors({
        save:
          error instanceof Error && error.message === 'storage-full'
            ? 'form.error.storage-full'
            : 'form.error.save',
      });
      setSaving(false);
    }
  };

  const ask = asking ? weightQuestion(tr, asking.category, asking.kg) : null;
  const weightError = errors.weight ? t(errors.weight, { max: tr.number(MAX_WEIGHT_KG, 0) }) : null;
  return (
    <form
      ref={formRef}
      className="item-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        // A hand scanner ends its burst with Enter; in a text field that must not save the form.
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
      }}
      noValidate
    >
      <div className="form-columns">
        <div className="form-column">
          <CategoryPicker
            value={category}
            onChange={chooseCategory}
            invalid={errors.category !== undefined}
            errorId={errors.category ? ids.catErr : undefined}
            order={kindOrder}
          />
          {errors.category && (
            <p id={ids.catErr} className="message message-error" role="alert">
              {t(errors.category)}
            </p>
          )}
        </div>
        <div className="form-column">
          <ChoiceGroup<Condition>
            legend={t('form.condition')}
            value={condition}
            onChange={setCondition}
            options={[
              { value: 'works', label: t('condition.works') },
              { value: 'minor-defect', label: t('condition.minor-defect') },
              { value: 'unknown', label: t('condition.unknown') },
            ]}
          />
          <div className="field weight-field">
            <label htmlFor={ids.weight}>{t('form.weight')}</label>
            <div className="input-row">
              <input
                id={ids.weight}
                ref={weightRef}
                inputMode="decimal"
                value={weight}
                aria-invalid={errors.weight !== undefined}
                aria-describedby={errors.weight ? ids.weightErr : undefined}
                onChange={(e) => {
                  setWeight(e.target.value);
                  setWeightTouched(true);
                  setAsking(null);
                  setErrors((x) => ({ ...x, weight: undefined }));
                }}
              />
              <span className="unit">kg</span>
              <label className="switch">
                <input
                  type="checkbox"
                  checked={weighed}
                  onChange={(e) => {
                    setWeighed(e.target.checked);
                  }}
                />
                <span>{t('form.weighed')}</span>
              </label>
            </div>
            {weightError && (
              <p id={ids.weightErr} className="message message-error" role="alert">
                {weightError}
              </p>
            )}
          </div>
          <ChoiceGroup<'yes' | 'no'>
            legend={t('form.complete')}
            value={complete}
            onChange={setComplete}
            options={[
              { value: 'yes', label: t('common.yes') },
              { value: 'no', label: t('common.no') },
            ]}
          />
          <div className="field">
            <label htmlFor={ids.brand}>{t('form.brand')}</label>
            <input
              id={ids.brand}
              list={ids.brands}
              value={brand}
              autoComplete="off"
              maxLength={80}
              onChange={(e) => {
                setBrand(e.target.value);
              }}
            />
            <datalist id={ids.brands}>
              {brands.map((b) => (
                <option key={b} value={b} />
              ))}
            </datalist>
          </div>
          <PhotoField photos={photos} onChange={setPhotos} saved={initial?.photos ?? []} />
          <div className="field">
            <label htmlFor={ids.note}>{t('form.note')}</label>
            <textarea
              id={ids.note}
              rows={2}
              maxLength={NOTE_MAX}
              value={note}
              aria-describedby={note.length >= NOTE_COUNT_FROM ? ids.noteCount : undefined}
              onChange={(e) => {
                setNote(e.target.value);
              }}
            />
            {note.length >= NOTE_COUNT_FROM && (
              <p
                id={ids.noteCount}
                className={`char-count${note.length >= NOTE_MAX ? ' char-count-full' : ''}`}
                aria-live="polite"
              >
                {t('form.note.count', { count: note.length, max: NOTE_MAX })}
              </p>
            )}
          </div>
        </div>
      </div>
      {errors.save && (
        <p className="message message-error" role="alert">
          {t(errors.save)}
        </p>
      )}
      {/* Sticky at the foot of the screen: saving never needs a scroll, and the weight question
          appears where the finger already is. */}
      <div className={`form-actions form-actions-sticky${ask ? ' form-actions-ask' : ''}`}>
        {ask ? (
          <div className="weight-ask" role="alertdialog" aria-labelledby={ids.ask}>
            <p id={ids.ask}>
              <strong>{ask.question}</strong> {ask.hint}
            </p>
            <div className="weight-ask-buttons">
              <button
                type="button"
                className="btn btn-secondary"
                onClick={() => {
                  setAsking(null);
                  weightRef.current?.focus();
                  weightRef.current?.select();
                }}
              >
                {t('form.weight.ask.fix')}
              </button>
              <button
                ref={confirmRef}
                type="button"
                className="btn btn-primary"
                disabled={saving}
                onClick={() => void submit(null, true)}
              >
                {ask.yes}
              </button>
            </div>
          </div>
        ) : (
          <>
            <button type="button" className="btn btn-secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="btn btn-primary btn-large" disabled={saving}>
              {submitLabel}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
