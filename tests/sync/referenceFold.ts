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
