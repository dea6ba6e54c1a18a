// What a failed sign-in or set-up says, and the error a session renewal throws when someone else
// signed in: plain functions the sign-in form needs before any of the device's storage is loaded.
import type { MessageKey } from '../../i18n/nl';
import { ApiError } from '../../sync/api';

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
