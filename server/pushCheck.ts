// The checks every pushed event passes on its own before it is stored (DESIGN §4): schema, the
// envelope against the token, and whether the sender's role may write the type. Pure; no I/O.
import {
  hlcWallMs,
  isCafeEventType,
  MAX_DRIFT_MS,
  stampInRange,
  validateEvent,
} from '../src/domain/index';
import type { BewaarEvent, EventType } from '../src/domain/index';
import type { AuthContext } from './auth';
import type { Role, SiteKind } from './store/schema';

export type Rejection = {
  id: string;
  code: 'invalid' | 'forbidden' | 'rule' | 'conflict' | 'clock';
  /** What exactly, where a device shows something more specific than the code. */
  reason?: 'other-region' | 'photo-missing';
  message: string;
};

/** What the checks need to know about the sender's tenant, loaded once per push. */
export interface PushScope {
  auth: AuthContext;
  /** A signed-in person's push: the tenant's sites and their kinds (empty for a device). */
  sites: ReadonlyMap<string, SiteKind>;
  /** A device's push: the people on the device's site roster and their roles (empty for a
   * person). A café device's events are allowed by the role of the person who writes them. */
  roster: ReadonlyMap<string, Role>;
  /** A signed-in organiser's push: the sites whose roster they are on (the cafés they run). */
  ownSites?: ReadonlySet<string>;
  /** What the device reported in its headers (deviceContact.ts), kept with its last contact. */
  contact?: { version: string | null; pending: number | null };
  /** The server's clock when the push arrived (ms); the present moment when absent. */
  nowMs?: number;
}

/** Why a stamp cannot be taken, or null when it can (stampInRange: a device whose clock is a few
 * hours off still syncs, one set a year ahead does not win every later correction for ever). */
function clockProblem(hlc: string, nowMs: number): string | null {
  if (stampInRange(hlc, nowMs)) return null;
  const wall = hlcWallMs(hlc);
  const stamped = new Date(wall).toISOString();
  if (wall > nowMs + MAX_DRIFT_MS) {
    return `The event is stamped ${stamped}, more than 24 hours after the server's clock (${new Date(nowMs).toISOString()}): the device's clock is wrong.`;
  }
  return `The event is stamped ${stamped}, before 2020: the device's clock is wrong.`;
}

const PARK_TYPES: readonly EventType[] = [
  'item.registered',
  'item.corrected',
  'item.caged',
  'item.voided',
  'item.photo-added',
  'cage.opened',
  'cage.closed',
];
const SHOP_TYPES: readonly EventType[] = [
  'cage.collected',
  'cage.received',
  'cage.unpacked',
  'item.received',
  'item.registered',
  'item.corrected',
  'item.voided',
  'item.inspected',
  'item.safety-tested',
  'item.function-tested',
  'item.repaired',
  'item.data-wiped',
  'item.rejected',
  'item.priced',
  'item.sold',
  'item.returned',
  'item.photo-added',
];
// Coordinators work from the office: they fix mistakes, they do not test or sell.
const COORDINATOR_TYPES: readonly EventType[] = [
  'item.corrected',
  'item.photo-added',
  'item.voided',
];

// A repair café (DESIGN §6): the host at the door runs the day and the queue, a fixer the table.
const SESSION_TYPES: readonly EventType[] = ['session.opened', 'session.closed'];
const HOST_TYPES: readonly EventType[] = [
  ...SESSION_TYPES,
  'visit.checked-in',
  'visit.checked-out',
  'visit.released',
  'visit.photo-added',
];
const FIXER_TYPES: readonly EventType[] = [
  'visit.claimed',
  'visit.released',
  'visit.repaired',
  'visit.photo-added',
];

const ROLE_WORDS: Record<Role, string> = {
  attendant: 'an attendant',
  technician: 'a technician',
  coordinator: 'a coordinator',
  admin: 'an admin',
  host: 'a host',
  fixer: 'a fixer',
  organiser: 'an organiser',
};

/** Which types the sender may write, and how to name the sender in a refusal. On a café device
 * the person writing decides (`actorRole`), on a park's or shop's the device does. */
function writerOf(
  auth: AuthContext,
  actorRole: Role | undefined,
): { types: readonly EventType[]; who: string } {
  if (auth.device) {
    if (auth.device.siteKind === 'cafe') {
      const types = actorRole === 'host' ? HOST_TYPES : actorRole === 'fixer' ? FIXER_TYPES : [];
      return { types, who: `${ROLE_WORDS[actorRole ?? 'attendant']} on a repair café's device` };
    }
    return auth.device.siteKind === 'park'
      ? { types: PARK_TYPES, who: "an attendant's device" }
      : { types: SHOP_TYPES, who: 'a workshop device' };
  }
  const role = auth.person?.role ?? 'attendant';
  const types =
    role === 'coordinator' || role === 'admin'
      ? [...COORDINATOR_TYPES, ...SESSION_TYPES]
      : role === 'organiser'
        ? SESSION_TYPES
        : [];
  return { types, who: ROLE_WORDS[role] };
}

function idOf(raw: unknown): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : '';
}

export type CheckResult = { ok: true; event: BewaarEvent } | { ok: false; rejection: Rejection };

/** Checks (a) schema, (b) envelope against the token, (c) role may write the type, (d) the
 * stamp against the server's clock. */
export function checkEvent(raw: unknown, scope: PushScope): CheckResult {
  const id = idOf(raw);
  const reject = (code: Rejection['code'], message: string) =>
    ({ ok: false, rejection: { id, code, message } }) as const;
  const validation = validateEvent(raw);
  if (!validation.ok) {
    const detail = validation.issues.map((i) => `${i.path || 'event'}: ${i.message}`).join('; ');
    return reject('invalid', `The event is not valid (${detail}).`);
  }
  const event = validation.event;
  const { auth } = scope;
  if (auth.device) {
    if (event.device !== auth.device.id) {
      return reject('forbidden', 'The event names another device than the one sending it.');
    }
    if (event.site !== auth.device.siteId) {
      return reject(
        'forbidden',
        'The event names another site than the one this device is enrolled to.',
      );
    }
    if (!scope.roster.has(event.actor)) {
      return reject('forbidden', "The event's person is not on this site's roster.");
    }
  } else {
    if (!scope.sites.has(event.site)) {
      return reject('forbidden', 'The event names a site that is not part of your region.');
    }
    if (event.actor !== auth.person?.id) {
      return reject('forbidden', 'A signed-in person can only write events as themselves.');
    }
  }
  const writer = writerOf(auth, scope.roster.get(event.actor));
  if (!writer.types.includes(event.type)) {
    const who = writer.who.charAt(0).toUpperCase() + writer.who.slice(1);
    return reject('forbidden', `${who} may not write ${event.type}.`);
  }
  const siteKind = auth.device?.siteKind ?? scope.sites.get(event.site);
  if (isCafeEventType(event.type) !== (siteKind === 'cafe')) {
    return reject(
      'forbidden',
      siteKind === 'cafe'
        ? 'A repair café keeps session and visit events only, not items or cages.'
        : 'Session and visit events belong to a repair café; this site is not one.',
    );
  }
  if (auth.person?.role === 'organiser' && !(scope.ownSites?.has(event.site) ?? false)) {
    return reject('forbidden', 'An organiser writes only about the repair café they run.');
  }
  const clock = clockProblem(event.hlc, scope.nowMs ?? Date.now());
  if (clock !== null) return reject('clock', clock);
  return { ok: true, event };
}
