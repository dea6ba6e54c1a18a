// Checks the admin forms make before they ask the server, and the server's refusals of regions
// and passwords in the reader's words. Pure: the screens and their tests share them.
import type { MessageKey } from '../../i18n/nl';
import { ApiError } from '../../sync/api';
import { adminError } from './useAdmin';

/** The server's minimum (server/routes/session.ts, PASSWORD_MIN). */
export const PASSWORD_MIN = 10;

export type PasswordStrength = 'too-short' | 'enough' | 'good' | 'strong';

/** How strong a new password is, by its length alone: length is what makes a password hard to
 * guess, and a sentence of a few words is long and easy to remember. */
export function passwordStrength(password: string): PasswordStrength {
  // Counted as the server counts (string length), so "long enough" here is long enough there.
  const length = password.length;
  if (length < PASSWORD_MIN) return 'too-short';
  if (length < 14) return 'enough';
  if (length < 20) return 'good';
  return 'strong';
}

/** How many characters a new password still needs (0 when it is long enough). */
export function charactersMissing(password: string): number {
  return Math.max(0, PASSWORD_MIN - password.length);
}

/** Where a new person of a role most likely works: an attendant at a park, a technician at a
 * kringwinkel, a host, fixer or organiser at a repair café — the first site of that kind, else
 * the first site at all ('' when there is none). */
export function defaultSiteFor(
  role: 'attendant' | 'technician' | 'coordinator' | 'admin' | 'host' | 'fixer' | 'organiser',
  sites: readonly { id: string; kind: 'park' | 'shop' | 'cafe' }[],
): string {
  const kind =
    role === 'technician'
      ? 'shop'
      : role === 'host' || role === 'fixer' || role === 'organiser'
        ? 'cafe'
        : 'park';
  return (sites.find((s) => s.kind === kind) ?? sites[0])?.id ?? '';
}

/** A café's retention period as typed: whole days 1–365, or null when it is not one (empty
 * is the default, 90, sent as nothing). */
export function retentionDays(text: string): number | null | 'default' {
  const trimmed = text.trim();
  if (trimmed === '') return 'default';
  if (!/^\d+$/.test(trimmed)) return null;
  const days = Number(trimmed);
  return days >= 1 && days <= 365 ? days : null;
}

/** Names compare as the server compares them: trimmed, and without regard to case. */
function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');
}

/** What is wrong with a region name before it is sent: empty, or the name of a region this
 * admin already sees (`self` is the region being renamed). The server also refuses a name of a
 * region this admin does not manage; that answer comes back as a 409. */
export function regionNameProblem(
  name: string,
  regions: readonly { id: string; name: string }[],
  self?: string,
): MessageKey | null {
  if (name.trim() === '') return 'admin.regions.error.name';
  if (regions.some((region) => region.id !== self && sameName(region.name, name)))
    return 'admin.regions.error.taken';
  return null;
}

/** A refused region change in plain words. */
export function regionError(error: unknown, action: 'name' | 'grant' | 'withdraw'): MessageKey {
  if (error instanceof ApiError) {
    if (action === 'name' && error.status === 409) return 'admin.regions.error.taken';
    if (action === 'grant' && error.status === 404) return 'admin.regions.error.username';
    if (action === 'withdraw' && error.status === 400) return 'admin.regions.error.self';
  }
  return adminError(error);
}

/** A refused new password in plain words. */
export function passwordError(error: unknown): MessageKey {
  if (error instanceof ApiError) {
    if (error.code === 'password-too-short') return 'admin.password.error.short';
    if (error.status === 404) return 'admin.password.error.not-found';
  }
  return adminError(error);
}
