// A coordinator's or admin's session on this browser: signing out, switching region and signing
// in again after the session ended. Signing out and switching start this browser afresh (its
// database is erased and the app reloads), so one region's data never shows under another.
import type { MessageKey } from '../../i18n/nl';
import { countPending, eraseDatabase, getDb } from '../../storage';
import { ApiError, createApi, type SignedIn } from '../../sync/api';
import { startOfficeSession, type DeviceProfile } from '../setup/deviceProfile';

/** Someone else signed in where this browser's person must sign in again. */
export const OTHER_PERSON = 'other-person';

/** What a failed sign-in (or set-up) says, in the reader's words. */
export function signInProblem(error: unknown): MessageKey {
  if (error instanceof Error && error.message === OTHER_PERSON) return 'signin.error.other-person';
  if (!(error instanceof ApiError)) return 'signin.error.offline';
  if (error.code === 'account-locked') return 'signin.error.locked';
  if (error.status === 429) return 'signin.error.too-many';
  if (error.code === 'invalid-credentials') return 'signin.error.credentials';
  if (error.code === 'setup-code-invalid') return 'setup.error.code';
  if (error.code === 'already-set-up') return 'setup.error.done';
  if (error.code === 'wrong-password') return 'password.error.current';
  if (error.status === 400) return 'signin.error.input';
  return 'signin.error.server';
}

/** Changes still on this browser that a sign-out or region switch would throw away. */
export function unsentChanges(): Promise<number> {
  return countPending(getDb());
}

function restart(): void {
  window.location.assign('/');
}

/** Signs out: the token ends on the server (when it can be reached) and this browser forgets
 * everything of the session. */
export async function signOut(profile: DeviceProfile): Promise<void> {
  await createApi({ token: profile.token, timeoutMs: 5_000 })
    .signOut()
    .catch(() => undefined);
  await eraseDatabase();
  restart();
}

/** Opens another of the person's regions on this browser. */
export async function switchRegion(profile: DeviceProfile, tenant: string): Promise<void> {
  const session = await createApi({ token: profile.token }).switchRegion(tenant);
  await eraseDatabase();
  await startOfficeSession(session);
  restart();
}

/** Starts an office session from a sign-in or set-up answer, on an empty browser. */
export async function beginSession(session: SignedIn): Promise<void> {
  await startOfficeSession(session);
}
