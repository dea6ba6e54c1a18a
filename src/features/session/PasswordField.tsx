// A new password with its strength said as it is typed (not by colour alone).
import { useId } from 'react';
import { useT } from '../../i18n/i18n';
import { passwordStrength } from './passwordStrength';

/** A labelled new-password input with a live strength hint. */
export function PasswordField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useT();
  const id = useId();
  const hintId = useId();
  const strength = passwordStrength(value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete="new-password"
        value={value}
        maxLength={200}
        aria-describedby={hintId}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
      <p id={hintId} className={`hint strength strength-${strength}`} aria-live="polite">
        {value === '' ? t('password.hint') : t(`password.strength.${strength}`)}
      </p>
    </div>
  );
}
