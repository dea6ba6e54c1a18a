// The organiser's follow-up list: repairable items (waiting for a part, more time or a
// professional), newest café day first, each with the visitor's contact where consent was given
// and the server still holds it. Contacts join here and only here: no figure or export reads them.
import type { SessionState } from './sessionState';
import type { VisitState } from './visitState';
import { visitDay } from './figures';

/** A visitor's contact as the server keeps it (never in the event log). */
export interface CafeContact {
  ticket: string;
  firstName: string;
  phone: string | null;
  email: string | null;
  createdAt: string;
  eraseAfter: string;
}

export interface FollowUpRow {
  visit: VisitState;
  day: string | null;
  /** Null: no consent, erased, or not (yet) known to this screen. */
  contact: CafeContact | null;
}

/** The repairable visits of `site` (all sites when undefined), parts needed first, then the
 * newest day; with their contact from `contacts`. */
export function followUpList(
  visits: readonly VisitState[],
  sessions: readonly SessionState[],
  contacts: readonly CafeContact[],
  site?: string,
): FollowUpRow[] {
  const byCode = new Map(sessions.map((s) => [s.code, s]));
  const byTicket = new Map(contacts.map((c) => [c.ticket, c]));
  return visits
    .filter((v) => v.checkedIn && v.outcome?.status === 'repairable' && (!site || v.site === site))
    .map((visit) => ({
      visit,
      day: visitDay(visit, byCode),
      contact: (visit.followUpConsent && byTicket.get(visit.ticket)) || null,
    }))
    .sort((a, b) => {
      const parts = (r: FollowUpRow) => (r.visit.outcome?.spareParts === 'needed' ? 0 : 1);
      return (
        parts(a) - parts(b) ||
        (b.day ?? '').localeCompare(a.day ?? '') ||
        (a.visit.number ?? 0) - (b.visit.number ?? 0)
      );
    });
}
