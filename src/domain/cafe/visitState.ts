// A repair café's day as folds over its events (DESIGN §6): a session (one café day) and the
// visits of that day (an item a visitor brought, keyed by its ticket). Same set semantics as the
// item fold: deduplicated by id, applied in (hlc, id) order, so every device agrees.
import { orderedEvents } from '../eventOrder';
import type { BewaarEvent, EventDataMap } from '../events';
import type { CafeSkill, UnpoweredKind } from '../eventSchemas';

export type VisitStatus = 'waiting' | 'at-table' | 'done' | 'checked-out';
export type VisitOutcome = EventDataMap['visit.repaired'] & { at: string; actor: string };

/** Who has a visit at their table: the claim that won. */
export interface VisitClaim {
  event: string;
  table: string;
  actor: string;
  device: string;
  at: string;
}

/** A claim that came after another held the visit (two fixers offline, say): the device that
 * wrote it tells its fixer who has the item. */
export interface LostClaim extends VisitClaim {
  /** The table that had it when this claim came, or null when the visit was already done. */
  heldBy: string | null;
}

export interface VisitState {
  ticket: string;
  /** Whether the check-in has arrived (a claim may arrive before it on a device). */
  checkedIn: boolean;
  session: string | null;
  number: number | null;
  door: string | null;
  site: string | null;
  category: number | null;
  unpoweredKind: UnpoweredKind | null;
  brand: string | null;
  model: string | null;
  problem: string | null;
  ageYears: number | null;
  skill: CafeSkill | null;
  followUpConsent: boolean;
  checkedInAt: string | null;
  checkedInBy: string | null;
  claim: VisitClaim | null;
  lostClaims: LostClaim[];
  /** The latest outcome recorded (a fixer may correct it). */
  outcome: VisitOutcome | null;
  checkedOutAt: string | null;
  weightKg: number | null;
  photos: string[];
  status: VisitStatus;
  /** Highest hlc among the visit's events; '' when there are none. */
  updatedAt: string;
}

/** What people call out: the number, after the door's letter when the session has more doors. */
export function ticketLabel(visit: { number: number | null; door: string | null }): string {
  if (visit.number === null) return '?';
  return `${visit.door ?? ''}${visit.number}`;
}

const emptyVisit = (ticket: string): VisitState => ({
  ticket,
  checkedIn: false,
  session: null,
  number: null,
  door: null,
  site: null,
  category: null,
  unpoweredKind: null,
  brand: null,
  model: null,
  problem: null,
  ageYears: null,
  skill: null,
  followUpConsent: false,
  checkedInAt: null,
  checkedInBy: null,
  claim: null,
  lostClaims: [],
  outcome: null,
  checkedOutAt: null,
  weightKg: null,
  photos: [],
  status: 'waiting',
  updatedAt: '',
});

/** Folds a ticket's events (others are ignored). The first claim by clock order holds the visit
 * until it is released or its outcome is recorded; a claim while another holds it is lost. */
export function foldVisit(ticket: string, events: readonly BewaarEvent[]): VisitState {
  const visit = emptyVisit(ticket);
  for (const event of orderedEvents(events, ticket)) {
    visit.updatedAt = event.hlc;
    switch (event.type) {
      case 'visit.checked-in': {
        const d = event.data;
        // A second check-in of one ticket (a retyped form) states the record again.
        if (!visit.checkedIn) {
          visit.checkedInAt = event.hlc;
          visit.checkedInBy = event.actor;
          visit.site = event.site;
        }
        visit.checkedIn = true;
        visit.session = d.session;
        visit.number = d.number;
        visit.door = d.door ?? null;
        visit.category = d.category;
        visit.unpoweredKind = d.unpoweredKind ?? null;
        visit.brand = d.brand || null;
        visit.model = d.model || null;
        visit.problem = d.problem;
        visit.ageYears = d.ageYears ?? null;
        visit.skill = d.skill;
        visit.followUpConsent = d.followUpConsent;
        break;
      }
      case 'visit.claimed': {
        const claim: VisitClaim = {
          event: event.id,
          table: event.data.table,
          actor: event.actor,
          device: event.device,
          at: event.hlc,
        };
        if (visit.outcome !== null || visit.checkedOutAt !== null)
          visit.lostClaims.push({ ...claim, heldBy: null });
        else if (visit.claim !== null)
          visit.lostClaims.push({ ...claim, heldBy: visit.claim.table });
        else visit.claim = claim;
        break;
      }
      case 'visit.released':
        visit.claim = null;
        break;
      case 'visit.repaired':
        visit.outcome = { ...event.data, at: event.hlc, actor: event.actor };
        break;
      case 'visit.checked-out':
        visit.checkedOutAt = event.hlc;
        visit.weightKg = event.data.weightKg ?? null;
        break;
      case 'visit.photo-added':
        if (!visit.photos.includes(event.data.photo)) visit.photos.push(event.data.photo);
        break;
      default:
        break;
    }
  }
  visit.status =
    visit.checkedOutAt !== null
      ? 'checked-out'
      : visit.outcome !== null
        ? 'done'
        : visit.claim !== null
          ? 'at-table'
          : 'waiting';
  return visit;
}

/** The claim of this event id, if it lost: what a fixer's phone tells after a sync. */
export function lostClaimOf(visit: VisitState, eventId: string): LostClaim | undefined {
  return visit.lostClaims.find((claim) => claim.event === eventId);
}

/** The visits waiting for a skill, oldest check-in first: the queue of one kind of table. */
export function queueFor(visits: readonly VisitState[], skill: CafeSkill): VisitState[] {
  return visits
    .filter((v) => v.checkedIn && v.status === 'waiting' && v.skill === skill)
    .sort((a, b) =>
      (a.checkedInAt ?? '') === (b.checkedInAt ?? '')
        ? a.ticket < b.ticket
          ? -1
          : 1
        : (a.checkedInAt ?? '') < (b.checkedInAt ?? '')
          ? -1
          : 1,
    );
}

/** The next visit for a table of this skill: the oldest waiting one. */
export function nextFor(visits: readonly VisitState[], skill: CafeSkill): VisitState | undefined {
  return queueFor(visits, skill)[0];
}
