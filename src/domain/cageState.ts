// Cage state as a fold over the cage's events. Cages are reused: each trip park → shop starts
// with a cage.opened after the previous trip was collected or received.
import { orderedEvents } from './eventOrder';
import type { BewaarEvent } from './events';
import type { ItemState } from './itemState';

export type CageStatus = 'open' | 'closed' | 'collected' | 'received';

/** One journey of a cage from a park to the shop. */
export interface CageTrip {
  /** Its first cage.opened; null while no cage.opened has arrived (then all we have is a trip). */
  openedAt: string | null;
  closedAt: string | null;
  closedCount: number | null;
  /** How many items the closing device had registered in the cage; null when it did not say. */
  closedRegistered: number | null;
  collectedAt: string | null;
  receivedAt: string | null;
  /** The shop finished unpacking: items of the trip not scanned by then are missing. */
  unpackedAt: string | null;
}

export interface CageState extends CageTrip {
  code: string;
  /** Site of the latest cage.opened. */
  site: string | null;
  status: CageStatus;
  /** Every trip, oldest first; the cage's own fields describe the last (current) one. */
  trips: CageTrip[];
  /** Highest hlc among the cage's events; '' when there are none. */
  updatedAt: string;
}

const newTrip = (): CageTrip => ({
  openedAt: null,
  closedAt: null,
  closedCount: null,
  closedRegistered: null,
  collectedAt: null,
  receivedAt: null,
  unpackedAt: null,
});

/** Folds a cage's events (others are ignored) into its trips and its current state. A
 * cage.opened after the trip left the park (collected or received) starts a new trip; one while
 * it is still at the park (a reopen to add a forgotten item, or two offline tablets both tapping
 * "open") continues the trip, so its items stay in it. */
export function foldCage(code: string, events: readonly BewaarEvent[]): CageState {
  const ordered = orderedEvents(events, code);
  const trips: CageTrip[] = [];
  let trip = newTrip();
  let atPark: 'open' | 'closed' = 'open';
  let site: string | null = null;
  for (const event of ordered) {
    const left = trip.collectedAt !== null || trip.receivedAt !== null;
    switch (event.type) {
      case 'cage.opened':
        site = event.site;
        if (left) {
          trips.push(trip);
          trip = newTrip();
        }
        // A reopen keeps the trip but voids the count: the attendant recounts when closing again.
        trip.openedAt ??= event.hlc;
        trip.closedAt = null;
        trip.closedCount = null;
        trip.closedRegistered = null;
        atPark = 'open';
        break;
      case 'cage.closed':
        trip.closedAt = event.hlc;
        trip.closedCount = event.data.count;
        trip.closedRegistered = event.data.registered ?? null;
        atPark = 'closed';
        break;
      case 'cage.collected':
        trip.collectedAt = event.hlc;
        break;
      case 'cage.received':
        trip.receivedAt = event.hlc;
        break;
      case 'cage.unpacked':
        trip.unpackedAt = event.hlc;
        break;
      default:
        break;
    }
  }
  trips.push(trip);
  // Once a trip left the park it cannot go back to open or closed: a later-stamped close is a
  // skewed clock, not a return. At the park, the latest open/close decides.
  const status = trip.receivedAt ? 'received' : trip.collectedAt ? 'collected' : atPark;
  return { code, site, status, ...trip, trips, updatedAt: ordered.at(-1)?.hlc ?? '' };
}

/** The trip an item caged at `cagedAt` travelled on: the last one opened by then (the first
 * trip when none was). */
export function tripOf(cage: CageState, cagedAt: string): CageTrip {
  const trips = cage.trips;
  for (let i = trips.length - 1; i > 0; i--) {
    const opened = trips[i]?.openedAt;
    if (opened !== null && opened !== undefined && opened <= cagedAt) return trips[i] as CageTrip;
  }
  return trips[0] ?? cage;
}

/** The live items in the cage on its current trip, in the order they were caged. */
export function cageContents(cage: CageState, items: readonly ItemState[]): ItemState[] {
  const since = cage.openedAt ?? '';
  return items
    .filter(
      (item) =>
        !item.voided && item.cage === cage.code && item.cagedAt !== null && item.cagedAt >= since,
    )
    .sort((a, b) => cmp(a.cagedAt ?? '', b.cagedAt ?? '') || cmp(a.code, b.code));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
