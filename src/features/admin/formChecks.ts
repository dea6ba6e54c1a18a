// Checks the admin forms make before they ask the server, and the server's refusals of regions
// in the reader's words. Pure: the screens and their tests share them.
import type { MessageKey } from '../../i18n/nl';
import { ApiError } from '../../sync/api';
import { adminError } from './useAdmin';

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
