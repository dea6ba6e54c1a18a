// A café day written out for the figures' tests: its session and visits as events, folded the
// way every device folds them. Not part of the public API (index.ts does not export it).
import type { BewaarEvent, EventDataMap } from '../events';
import type { UnpoweredKind } from '../eventSchemas';
import { ev, testCode } from '../testEvents';
import { foldSession } from './sessionState';
import type { SessionState } from './sessionState';
import { foldVisit } from './visitState';
import type { VisitState } from './visitState';

export const CAFE = 'cafe-centrum';
export const OTHER_CAFE = 'cafe-west';

export interface VisitSpec {
  n: number;
  session: string;
  site?: string;
  category: number;
  unpoweredKind?: UnpoweredKind;
  brand?: string;
  ageYears?: number;
  problem?: string;
  outcome?: Omit<EventDataMap['visit.repaired'], 'fixer'> & { fixer?: string };
  weightKg?: number;
  consent?: boolean;
}

/** The ticket of visit n (a valid BT code). */
export const ticketOf = (n: number) => testCode('BT', `7${String(n).padStart(7, '0')}`);
/** A session code (a valid BS code). */
export const sessionCode = (n: number) => testCode('BS', `5${String(n).padStart(7, '0')}`);

/** The events of one visit: check-in, outcome (if any), check-out (if weighed). */
export function visitEvents(spec: VisitSpec): BewaarEvent[] {
  const ticket = ticketOf(spec.n);
  const site = spec.site ?? CAFE;
  const env = { device: 'door', actor: 'host-els', site };
  const base = spec.n * 10;
  const events: BewaarEvent[] = [
    ev(
      base,
      'visit.checked-in',
      ticket,
      {
        session: spec.session,
        number: spec.n,
        category: spec.category,
        ...(spec.unpoweredKind ? { unpoweredKind: spec.unpoweredKind } : {}),
        ...(spec.brand ? { brand: spec.brand } : {}),
        ...(spec.ageYears !== undefined ? { ageYears: spec.ageYears } : {}),
        problem: spec.problem ?? 'doet het niet meer',
        skill: 'electric',
        waiver: true,
        followUpConsent: spec.consent ?? false,
      },
      env,
    ),
  ];
  if (spec.outcome)
    events.push(
      ev(
        base + 1,
        'visit.repaired',
        ticket,
        { fixer: 'F-01', ...spec.outcome },
        {
          ...env,
          actor: 'fixer-1',
        },
      ),
    );
  if (spec.weightKg !== undefined)
    events.push(ev(base + 2, 'visit.checked-out', ticket, { weightKg: spec.weightKg }, env));
  return events;
}

export const foldSpec = (spec: VisitSpec): VisitState =>
  foldVisit(ticketOf(spec.n), visitEvents(spec));

/** A session opened on `date` at `site`, closed with volunteers and hours when given. */
export function session(
  n: number,
  date: string,
  site = CAFE,
  closed?: { volunteers: number; volunteerHours: number },
): SessionState {
  const code = sessionCode(n);
  const env = { device: 'door', actor: 'host-els', site };
  const events: BewaarEvent[] = [
    ev(n, 'session.opened', code, { date, tables: [{ name: 'Tafel 1', skill: 'electric' }] }, env),
  ];
  if (closed) events.push(ev(n + 1, 'session.closed', code, closed, env));
  return foldSession(code, events);
}
