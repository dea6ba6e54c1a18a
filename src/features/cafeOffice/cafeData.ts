// The organiser's reads and writes of café days: the device's sessions and visits (lane D's
// storage, read through its hooks) and the two session events a laptop may write.
import { generateCode, type SessionState, type SessionTable, type VisitState } from '../../domain';
import { recordEvents, type Author } from '../../storage';

// TEMPORARY until the device storage of café days is merged: empty reads.
export function useSessions(): SessionState[] | undefined {
  return [];
}
export function useAllVisits(): VisitState[] | undefined {
  return [];
}
export function useCafeSession(code: string): SessionState | null | undefined {
  void code;
  return null;
}
export function useVisitsOfSession(code: string): VisitState[] | undefined {
  void code;
  return [];
}

const randomBytes = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** Opens a café day at `site` from this laptop; returns its session code. */
export async function openCafeSession(
  author: Author,
  site: string,
  data: { date: string; venue?: string; tables: SessionTable[] },
): Promise<string> {
  const code = generateCode('session', randomBytes);
  await recordEvents({ ...author, site }, [{ type: 'session.opened', subject: code, data }]);
  return code;
}

/** Closes a café day with its volunteers and their hours. */
export async function closeCafeSession(
  author: Author,
  session: SessionState,
  data: { volunteers: number; volunteerHours: number },
): Promise<void> {
  await recordEvents({ ...author, site: session.site ?? author.site }, [
    { type: 'session.closed', subject: session.code, data },
  ]);
}

/** Opens a closed café day again, as it was (its tables and venue). */
export async function reopenCafeSession(author: Author, session: SessionState): Promise<void> {
  if (session.date === null) return;
  await recordEvents({ ...author, site: session.site ?? author.site }, [
    {
      type: 'session.opened',
      subject: session.code,
      data: {
        date: session.date,
        ...(session.venue ? { venue: session.venue } : {}),
        tables: session.tables,
      },
    },
  ]);
}
