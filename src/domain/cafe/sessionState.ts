// A repair café day as a fold over its session's events (DESIGN §6).
import { orderedEvents } from '../eventOrder';
import type { BewaarEvent, EventDataMap } from '../events';

export type SessionTable = EventDataMap['session.opened']['tables'][number];

export interface SessionState {
  code: string;
  site: string | null;
  /** The café day, YYYY-MM-DD; null until the opening has arrived. */
  date: string | null;
  venue: string | null;
  tables: SessionTable[];
  openedAt: string | null;
  closedAt: string | null;
  volunteers: number | null;
  volunteerHours: number | null;
  status: 'open' | 'closed';
  updatedAt: string;
}

/** Folds a session's events. A later `session.opened` restates the day (tables added during the
 * day, say) and reopens a closed session; the closing's figures stay until it is closed again. */
export function foldSession(code: string, events: readonly BewaarEvent[]): SessionState {
  const session: SessionState = {
    code,
    site: null,
    date: null,
    venue: null,
    tables: [],
    openedAt: null,
    closedAt: null,
    volunteers: null,
    volunteerHours: null,
    status: 'open',
    updatedAt: '',
  };
  for (const event of orderedEvents(events, code)) {
    session.updatedAt = event.hlc;
    if (event.type === 'session.opened') {
      session.site ??= event.site;
      session.openedAt ??= event.hlc;
      session.date = event.data.date;
      session.venue = event.data.venue || null;
      session.tables = event.data.tables;
      session.closedAt = null;
    } else if (event.type === 'session.closed') {
      session.closedAt = event.hlc;
      session.volunteers = event.data.volunteers;
      session.volunteerHours = event.data.volunteerHours;
    }
  }
  session.status = session.closedAt === null ? 'open' : 'closed';
  return session;
}
