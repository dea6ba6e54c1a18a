// The item form, for a new registration and for a correction: as few taps as possible, with
// the weight prefilled from the category and every error said next to its field.
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { defaultWeightKg } from '../../domain';
import { useT } from '../../i18n/i18n';
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
}

/** Collects the fields of `item.registered`. */
export function ItemForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const tr = useT();
  const { t } = tr;
  const ids = {
    brand: useId(),
    brands: useId(),
    weight: useId(),
    note: useId(),
    catErr: useId(),
    weightErr: useId(),
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
    setErrors((e) => ({ ...e, category: undefined }));
    if (!weightTouched) setWeight(formatWeightInput(defaultWeightKg(id), tr.locale));
  };

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const weightKg = parseWeight(weight);
    const found: typeof errors = {};
    if (category === null) found.category = 'form.error.category';
    if (weightKg === null) found.weight = 'form.error.weight';
    setErrors(found);
    if (category === null || weightKg === null) {
      setFocusRequest((n) => n + 1);
      return;
    }
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
          />
          {errors.category && (
            <p id={ids.catErr} className="message message-error" role="alert">
              {t(errors.category)}
            </p>
          )}
        </div>
        <div className="form-column">
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
          <ChoiceGroup<'yes' | 'no'>
            legend={t('form.complete')}
            value={complete}
            onChange={setComplete}
            options={[
              { value: 'yes', label: t('common.yes') },
              { value: 'no', label: t('common.no') },
            ]}
          />
          <div className="field weight-field">
            <label htmlFor={ids.weight}>{t('form.weight')}</label>
            <div className="input-row">
              <input
                id={ids.weight}
                inputMode="decimal"
                value={weight}
                aria-invalid={errors.weight !== undefined}
                aria-describedby={errors.weight ? ids.weightErr : undefined}
                onChange={(e) => {
                  setWeight(e.target.value);
                  setWeightTouched(true);
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
            {errors.weight && (
              <p id={ids.weightErr} className="message message-error" role="alert">
                {t(errors.weight)}
              </p>
            )}
          </div>
          <PhotoField photos={photos} onChange={setPhotos} saved={initial?.photos ?? []} />
          <div className="field">
            <label htmlFor={ids.note}>{t('form.note')}</label>
            <textarea
              id={ids.note}
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
              }}
            />
          </div>
        </div>
      </div>
      {errors.save && (
        <p className="message message-error" role="alert">
          {t(errors.save)}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="btn btn-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary btn-large" disabled={saving}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
