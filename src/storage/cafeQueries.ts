// Read side of repair café days: live queries over the session and visit projections, and the
// contacts this device still holds.
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type CafeContactRow, type SessionRow, type VisitRow } from './db';

const byDateDesc = (a: SessionRow, b: SessionRow) =>
  (b.date ?? '').localeCompare(a.date ?? '') || b.updatedAt.localeCompare(a.updatedAt);

/** Every café day this device knows, newest date first. */
export function useSessions(): SessionRow[] | undefined {
  return useLiveQuery(async () => (await getDb().sessions.toArray()).sort(byDateDesc));
}

/** One café day; `undefined` while loading, `null` when unknown here. */
export function useSession(code: string | null): SessionRow | null | undefined {
  return useLiveQuery(
    async () => (code ? ((await getDb().sessions.get(code)) ?? null) : null),
    [code],
  );
}

/** The café day open at this site (the newest by date, when there are more); `null` for none. */
export function useOpenSession(site: string): SessionRow | null | undefined {
  return useLiveQuery(async () => {
    const open = (await getDb().sessions.toArray())
      .filter((s) => s.status === 'open' && s.site === site && s.date !== null)
      .sort(byDateDesc);
    return open[0] ?? null;
  }, [site]);
}

/** The visits of one café day, in check-in order. */
export function useVisitsOfSession(code: string | null): VisitRow[] | undefined {
  return useLiveQuery(async () => {
    if (!code) return [];
    const visits = await getDb().visits.where('session').equals(code).toArray();
    return visits.sort((a, b) => (a.checkedInAt ?? '').localeCompare(b.checkedInAt ?? ''));
  }, [code]);
}

/** One visit by ticket; `undefined` while loading, `null` when unknown here. */
export function useVisit(ticket: string | null): VisitRow | null | undefined {
  return useLiveQuery(
    async () => (ticket ? ((await getDb().visits.get(ticket)) ?? null) : null),
    [ticket],
  );
}

/** Every visit this device knows (for figures). */
export function useAllVisits(): VisitRow[] | undefined {
  return useLiveQuery(() => getDb().visits.toArray());
}

/** Reads a visit once (not live), e.g. to decide where a scanned ticket leads. */
export async function getVisit(ticket: string): Promise<VisitRow | undefined> {
  return getDb().visits.get(ticket);
}

/** Contacts the server refused (kept, not sent again), oldest first. */
export function useRefusedContacts(): CafeContactRow[] | undefined {
  return useLiveQuery(async () =>
    (await getDb().cafeContacts.toArray())
      .filter((row) => row.refused !== undefined)
      .sort((a, b) => a.queuedAt - b.queuedAt),
  );
}
