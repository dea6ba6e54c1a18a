// The simulation's own reading of the event catalogue (DESIGN §3), written for the test and sharing
// no code with the product's folds: each answer is "the last event of this kind, in clock order",
// asked of the whole history. Slow and plain on purpose; it covers the fields whose meaning the
// sync can break (status, custody, the bench's outcome), not every figure fact.
import type { BewaarEvent } from '../../src/domain';

type Event = BewaarEvent;

/** Clock order: hlc, then id; one copy per id. */
function history(events: readonly Event[], subject: string): Event[] {
  const byId = new Map<string, Event>();
  for (const e of events) if (e.subject === subject) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) =>
    a.hlc === b.hlc ? (a.id < b.id ? -1 : 1) : a.hlc < b.hlc ? -1 : 1,
  );
}

function lastOf<T extends Event['type']>(
  events: readonly Event[],
  ...types: T[]
): Extract<Event, { type: T }> | undefined {
  return events.findLast((e): e is Extract<Event, { type: T }> =>
    (types as string[]).includes(e.type),
  );
}

export interface RefTrip {
  openedAt: string | null;
  closedAt: string | null;
  closedCount: number | null;
  collectedAt: string | null;
  receivedAt: string | null;
  unpackedAt: string | null;
}

export interface RefCage extends RefTrip {
  status: 'open' | 'closed' | 'collected' | 'received';
  site: string | null;
  trips: number;
}

/** A cage's trips: a new one begins at a cage.opened once the current one has left the park. */
function tripsOf(events: readonly Event[]): Event[][] {
  const trips: Event[][] = [[]];
  for (const e of events) {
    const current = trips.at(-1) ?? [];
    const left = current.some((c) => c.type === 'cage.collected' || c.type === 'cage.received');
    if (e.type === 'cage.opened' && left) trips.push([e]);
    else current.push(e);
  }
  return trips;
}

function tripFacts(trip: readonly Event[]): RefTrip {
  const lastOpen = trip.findLastIndex((e) => e.type === 'cage.opened');
  // A reopen voids the count: only a close after the last open stands.
  const close = lastOf(trip.slice(lastOpen + 1), 'cage.closed');
  return {
    openedAt: trip.find((e) => e.type === 'cage.opened')?.hlc ?? null,
    closedAt: close?.hlc ?? null,
    closedCount: close?.data.count ?? null,
    collectedAt: lastOf(trip, 'cage.collected')?.hlc ?? null,
    receivedAt: lastOf(trip, 'cage.received')?.hlc ?? null,
    unpackedAt: lastOf(trip, 'cage.unpacked')?.hlc ?? null,
  };
}

export function referenceCage(code: string, all: readonly Event[]): RefCage {
  const events = history(all, code);
  const trips = tripsOf(events);
  const current = tripFacts(trips.at(-1) ?? []);
  const atPark = lastOf(events, 'cage.opened', 'cage.closed');
  const status = current.receivedAt
    ? 'received'
    : current.collectedAt
      ? 'collected'
      : atPark?.type === 'cage.closed'
        ? 'closed'
        : 'open';
  return {
    ...current,
    status,
    site: lastOf(events, 'cage.opened')?.site ?? null,
    trips: trips.length,
  };
}

/** The trip an item caged at `cagedAt` travelled on: the last one opened by then, else the first. */
function tripAt(code: string, all: readonly Event[], cagedAt: string): RefTrip | null {
  const events = history(all, code);
  if (events.length === 0) return null;
  const trips = tripsOf(events).map(tripFacts);
  const later = trips.slice(1).findLast((t) => t.openedAt !== null && t.openedAt <= cagedAt);
  return later ?? trips[0] ?? null;
}

export interface RefItem {
  status: string;
  registered: boolean;
  voided: boolean;
  cage: string | null;
  cagedAt: string | null;
  brand: string | null;
  weightKg: number | null;
  photos: string[];
  receivedAt: string | null;
  safety: string | null;
  functionTest: string | null;
  wipeVerified: boolean | null;
  repairMinutes: number;
  priceEur: number | null;
  saleEur: number | null;
  rejection: string | null;
  eventCount: number;
  updatedAt: string;
}

const WORKSHOP = [
  'item.inspected',
  'item.safety-tested',
  'item.function-tested',
  'item.repaired',
  'item.data-wiped',
  'item.returned',
] as const;

/** An item's state from all events of the run (its own, and its cage's for the custody statuses).
 * The generator always names brand and weight in a registration, so a correction's "last value
 * wins" is the whole rule for them. */
export function referenceItem(code: string, all: readonly Event[]): RefItem {
  const events = history(all, code);
  const caging = lastOf(events, 'item.caged');
  const life = lastOf(events, 'item.registered', 'item.voided');
  const returned = events.findLastIndex((e) => e.type === 'item.returned');
  const after = events.slice(returned + 1);
  const sale = lastOf(after, 'item.sold');
  const decision = lastOf(after, 'item.priced', 'item.rejected');
  const received = events.find((e) => e.type === 'item.received');
  const brand = lastOf(
    events.filter((e) => 'brand' in e.data && e.data.brand !== undefined),
    'item.registered',
    'item.corrected',
  );
  const weight = lastOf(
    events.filter((e) => 'weightKg' in e.data && e.data.weightKg !== undefined),
    'item.registered',
    'item.corrected',
  );
  const photos: string[] = [];
  for (const e of events) {
    const named =
      e.type === 'item.photo-added'
        ? [e.data.photo]
        : e.type === 'item.registered' || e.type === 'item.corrected'
          ? (e.data.photos ?? [])
          : [];
    for (const p of named) if (!photos.includes(p)) photos.push(p);
  }
  const wipe = lastOf(events, 'item.data-wiped');
  const voided = life?.type === 'item.voided';

  let status: string;
  if (voided) status = 'voided';
  else if (sale) status = 'sold';
  else if (decision?.type === 'item.rejected') status = 'rejected';
  else if (decision?.type === 'item.priced') status = 'for-sale';
  else if (events.some((e) => (WORKSHOP as readonly string[]).includes(e.type)))
    status = 'in-repair';
  else if (received) status = 'received';
  else if (!caging) status = 'registered';
  else {
    // Cage events stamped before the item went in do not move it on.
    const trip = tripAt(caging.data.cage, all, caging.hlc);
    const left = trip ? (trip.collectedAt ?? trip.receivedAt) : null;
    if (trip && trip.unpackedAt !== null && trip.unpackedAt >= caging.hlc) status = 'missing';
    else if (left !== null && left >= caging.hlc) status = 'in-transit';
    else status = 'caged';
  }
  return {
    status,
    registered: events.some((e) => e.type === 'item.registered'),
    voided,
    cage: caging?.data.cage ?? null,
    cagedAt: caging?.hlc ?? null,
    brand: brand?.data.brand || null,
    weightKg: weight?.data.weightKg ?? null,
    photos,
    receivedAt: received?.hlc ?? null,
    safety: lastOf(events, 'item.safety-tested')?.data.result ?? null,
    functionTest: lastOf(events, 'item.function-tested')?.data.result ?? null,
    wipeVerified: wipe ? wipe.data.verified : null,
    repairMinutes: events.reduce(
      (sum, e) => sum + (e.type === 'item.repaired' ? e.data.minutes : 0),
      0,
    ),
    priceEur: lastOf(events, 'item.priced')?.data.priceEur ?? null,
    saleEur: sale?.data.priceEur ?? null,
    rejection: decision?.type === 'item.rejected' ? String(decision.data.reason) : null,
    eventCount: events.length,
    updatedAt: events.at(-1)?.hlc ?? '',
  };
}

/** The same fields read from a projected item (a device's row or the server's state). */
export function projectedItem(row: {
  status: string;
  registered: boolean;
  voided: boolean;
  cage: string | null;
  cagedAt: string | null;
  brand: string | null;
  weightKg: number | null;
  photos: string[];
  receivedAt: string | null;
  safety: { result: string } | null;
  functionTest: { result: string } | null;
  wipe: { verified: boolean } | null;
  repairMinutes: number;
  price: { priceEur: number } | null;
  sale: { priceEur: number } | null;
  rejection: { reason: string | number } | null;
  eventCount: number;
  updatedAt: string;
}): RefItem {
  return {
    status: row.status,
    registered: row.registered,
    voided: row.voided,
    cage: row.cage,
    cagedAt: row.cagedAt,
    brand: row.brand,
    weightKg: row.weightKg,
    photos: row.photos,
    receivedAt: row.receivedAt,
    safety: row.safety?.result ?? null,
    functionTest: row.functionTest?.result ?? null,
    wipeVerified: row.wipe ? row.wipe.verified : null,
    repairMinutes: row.repairMinutes,
    priceEur: row.price?.priceEur ?? null,
    saleEur: row.sale?.priceEur ?? null,
    rejection: row.rejection ? String(row.rejection.reason) : null,
    eventCount: row.eventCount,
    updatedAt: row.updatedAt,
  };
}

// ——— A repair café's day (DESIGN §6) ———

export interface RefSession {
  site: string | null;
  date: string | null;
  tables: string[];
  openedAt: string | null;
  closedAt: string | null;
  volunteers: number | null;
  status: 'open' | 'closed';
  updatedAt: string;
}

/** A session: opened by its first opening, stated by its last one; closed when a closing comes
 * after the last opening (a later opening reopens it; the last closing's figures stay). */
export function referenceSession(code: string, all: readonly Event[]): RefSession {
  const events = history(all, code);
  const opening = lastOf(events, 'session.opened');
  const last = lastOf(events, 'session.opened', 'session.closed');
  const closing = lastOf(events, 'session.closed');
  return {
    site: events.find((e) => e.type === 'session.opened')?.site ?? null,
    date: opening?.data.date ?? null,
    tables: opening?.data.tables.map((t) => `${t.name}:${t.skill}`) ?? [],
    openedAt: events.find((e) => e.type === 'session.opened')?.hlc ?? null,
    closedAt: last?.type === 'session.closed' ? last.hlc : null,
    volunteers: closing?.data.volunteers ?? null,
    status: last?.type === 'session.closed' ? 'closed' : 'open',
    updatedAt: events.at(-1)?.hlc ?? '',
  };
}

/** The same fields read from a projected session (a device's row). */
export function projectedSession(row: {
  site: string | null;
  date: string | null;
  tables: { name: string; skill: string }[];
  openedAt: string | null;
  closedAt: string | null;
  volunteers: number | null;
  status: 'open' | 'closed';
  updatedAt: string;
}): RefSession {
  return {
    site: row.site,
    date: row.date,
    tables: row.tables.map((t) => `${t.name}:${t.skill}`),
    openedAt: row.openedAt,
    closedAt: row.closedAt,
    volunteers: row.volunteers,
    status: row.status,
    updatedAt: row.updatedAt,
  };
}

export interface RefClaim {
  event: string;
  table: string;
  device: string;
}

export interface RefVisit {
  status: 'waiting' | 'at-table' | 'done' | 'checked-out';
  checkedIn: boolean;
  session: string | null;
  number: number | null;
  skill: string | null;
  checkedInAt: string | null;
  claim: RefClaim | null;
  /** Claims that lost, each with the table that held the visit then (null: it was done). */
  lost: { event: string; heldBy: string | null }[];
  outcome: string | null;
  outcomeBy: string | null;
  checkedOutAt: string | null;
  weightKg: number | null;
  photos: string[];
  updatedAt: string;
}

/** A visit. Its history falls into stretches between releases; in each stretch the first claim
 * holds the visit and every later one loses to it; a claim after an outcome or a check-out
 * loses whatever the stretch. What holds now is the first claim of the last stretch, unless the
 * visit was done or checked out before it came. */
export function referenceVisit(ticket: string, all: readonly Event[]): RefVisit {
  const events = history(all, ticket);
  const done = (i: number) =>
    events.slice(0, i).some((e) => e.type === 'visit.repaired' || e.type === 'visit.checked-out');
  const stretchStart = (i: number) =>
    events.slice(0, i).findLastIndex((e) => e.type === 'visit.released') + 1;
  type Claim = Extract<Event, { type: 'visit.claimed' }>;
  const isClaim = (e: Event): e is Claim => e.type === 'visit.claimed';
  const lost: RefVisit['lost'] = [];
  let holder: Claim | undefined;
  events.forEach((e, i) => {
    if (!isClaim(e)) return;
    const first = events.slice(stretchStart(i), i).find(isClaim);
    if (done(i)) lost.push({ event: e.id, heldBy: null });
    else if (first) lost.push({ event: e.id, heldBy: first.data.table });
    else if (stretchStart(events.length) <= i) holder = e;
  });
  const firstCheckIn = events.find((e) => e.type === 'visit.checked-in');
  const checkIn = lastOf(events, 'visit.checked-in');
  const outcome = lastOf(events, 'visit.repaired');
  const checkOut = lastOf(events, 'visit.checked-out');
  const photos: string[] = [];
  for (const e of events)
    if (e.type === 'visit.photo-added' && !photos.includes(e.data.photo)) photos.push(e.data.photo);
  const claim = holder
    ? { event: holder.id, table: holder.data.table, device: holder.device }
    : null;
  return {
    status: checkOut ? 'checked-out' : outcome ? 'done' : claim ? 'at-table' : 'waiting',
    checkedIn: checkIn !== undefined,
    session: checkIn?.data.session ?? null,
    number: checkIn?.data.number ?? null,
    skill: checkIn?.data.skill ?? null,
    checkedInAt: firstCheckIn?.hlc ?? null,
    claim,
    lost,
    outcome: outcome?.data.status ?? null,
    outcomeBy: outcome?.actor ?? null,
    checkedOutAt: checkOut?.hlc ?? null,
    weightKg: checkOut ? (checkOut.data.weightKg ?? null) : null,
    photos,
    updatedAt: events.at(-1)?.hlc ?? '',
  };
}

/** The same fields read from a projected visit (a device's row). */
export function projectedVisit(row: {
  status: RefVisit['status'];
  checkedIn: boolean;
  session: string | null;
  number: number | null;
  skill: string | null;
  checkedInAt: string | null;
  claim: RefClaim | null;
  lostClaims: { event: string; heldBy: string | null }[];
  outcome: { status: string; actor: string } | null;
  checkedOutAt: string | null;
  weightKg: number | null;
  photos: string[];
  updatedAt: string;
}): RefVisit {
  return {
    status: row.status,
    checkedIn: row.checkedIn,
    session: row.session,
    number: row.number,
    skill: row.skill,
    checkedInAt: row.checkedInAt,
    claim: row.claim && {
      event: row.claim.event,
      table: row.claim.table,
      device: row.claim.device,
    },
    lost: row.lostClaims.map((c) => ({ event: c.event, heldBy: c.heldBy })),
    outcome: row.outcome?.status ?? null,
    outcomeBy: row.outcome?.actor ?? null,
    checkedOutAt: row.checkedOutAt,
    weightKg: row.weightKg,
    photos: row.photos,
    updatedAt: row.updatedAt,
  };
}
