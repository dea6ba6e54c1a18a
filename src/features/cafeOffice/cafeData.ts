// The organiser's reads and writes of café days: the device's sessions and visits (read through
// the storage's live hooks) and the two session events a laptop may write, at the café's site
// (an office's own author names no site).
import type { SessionState, SessionTable } from '../../domain';
import { closeSession, openSession, recordEvents, type Author } from '../../storage';

export {
  useAllVisits,
  useSession as useCafeSession,
  useSessions,
  useVisitsOfSession,
} from '../../storage';

/** Opens a café day at `site` from this laptop; returns its session code. */
export function openCafeSession(
  author: Author,
  site: string,
  data: { date: string; venue?: string; tables: SessionTable[] },
): Promise<string> {
  return openSession({ ...author, site }, data);
}

/** Closes a café day with its volunteers and their hours. */
export function closeCafeSession(
  author: Author,
  session: SessionState,
  data: { volunteers: number; volunteerHours: number },
): Promise<void> {
  return closeSession({ ...author, site: session.site ?? author.site }, session.code, data);
}

/** Opens a closed café day again, as it was (its tables and venue). */
export async function reopenCafeSession(author: Author, session: SessionState): Promise<void> {
  if (session.date === null) return;
  // The same code opened again: the fold reopens a closed day on a later opening.
  const data = {
    date: session.date,
    ...(session.venue ? { venue: session.venue } : {}),
    tables: session.tables,
  };
  await recordEvents({ ...author, site: session.site ?? author.site }, [
    { type: 'session.opened', subject: session.code, data },
  ]);
}
