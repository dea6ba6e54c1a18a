// A labelled text input (or textarea) with the app's field layout.
import { useId, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean;
  /** Text shown after the input, e.g. a unit. */
  suffix?: string;
  /** Suggestions offered while typing. */
  suggestions?: readonly string[];
}

/** One labelled field. */
export function TextField({
  label,
  value,
  onChange,
  multiline,
  suffix,
  suggestions,
  ...rest
}: Props) {
  const id = useId();
  const listId = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          value={value}
          rows={3}
          maxLength={rest.maxLength}
          onChange={(e) => {
            onChange(e.target.value);
          }}
        />
      ) : (
        <div className="input-row">
          <input
            id={id}
            value={value}
            autoComplete="off"
            list={suggestions ? listId : undefined}
            {...rest}
            onChange={(e) => {
              onChange(e.target.value);
            }}
          />
          {suffix && <span className="suffix">{suffix}</span>}
        </div>
      )}
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
    </div>
  );
}
