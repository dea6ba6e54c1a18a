// A plain hint of how strong a new password is, by length and variety: enough to steer a person
// away from a weak one without rules that make them write it down.

export type Strength = 'too-short' | 'fair' | 'strong';

/** At least this many characters, as the server requires. */
export const PASSWORD_MIN = 10;

/** The strength hint for a password. */
export function passwordStrength(password: string): Strength {
  if (password.length < PASSWORD_MIN) return 'too-short';
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  return password.length >= 16 || (password.length >= 12 && kinds >= 3) ? 'strong' : 'fair';
}
