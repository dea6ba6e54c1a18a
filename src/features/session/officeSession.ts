// A coordinator's or admin's session on this browser: signing out, switching region and signing
// in again after the session ended. Signing out and switching start this browser afresh (its
// database is erased and the app reloads), so one region's data never shows under another.
import { countPending, eraseDatabase, getDb } from '../../storage';
import { createApi, type SignedIn } from '../../sync/api';
import { startOfficeSession, type DeviceProfile } from '../setup/deviceProfile';

// Kept apart so the sign-in form (on the first screen) loads without the device's storage.
export { OTHER_PERSON, signInProblem } from './signInProblem';

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
