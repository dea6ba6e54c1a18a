// Who works on this device right now: the profile, the chosen person and the event author.
import { createContext, useContext } from 'react';
import type { Author } from '../../storage';
import type { DeviceProfile, Person } from './deviceProfile';

export interface Session {
  profile: DeviceProfile;
  person: Person;
  author: Author;
}

export const SessionContext = createContext<Session | null>(null);

/** The current session; only rendered inside the signed-in shell. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the session provider');
  return session;
}
