// Cage state as a fold over the cage's events. Cages are reused: each trip park → shop starts
// with a cage.opened after the previous trip was collected or received.
import { orderedEvents } from './eventOrder';
import type { BewaarEvent } from './events';
import type { ItemState } from './itemState';

export type CageStatus = 'open' | 'closed' | 'collected' | 'received';

export interface CageState {
  code: string;
  /** Site of the latest cage.opened. */
  site: string | null;
  status: CageStatus;
  /** Start of the current trip: its first cage.opened. */
  openedAt: string | null;
  closedAt: string | null;
  closedCount: number | null;
  collectedAt: string | null;
  receivedAt: string | null;
  /** Highest hlc among the cage's events; '' when there are none. */
  updatedAt: string;
}

// Index of the cage.opened that starts the current trip, or 0 when no cage.opened has arrived
// yet (then everything we have is one trip). A cage.opened while the trip is still at the park
// (a reopen to add a forgotten item, or two offline tablets both tapping "open") continues the
// trip, so its items stay in it.
function tripStart(events: readonly BewaarEvent[]): number {
  let start = 0;
  let tripEnded = true;
  events.forEach((event, index) => {
    if (event.type === 'cage.opened' && tripEnded) {
      start = index;
      tripEnded = false;
    } else if (event.type === 'cage.collected' || event.type === 'cage.received') {
      tripEnded = true;
    }
  });
  return start;
}

/** Folds a cage's events (others are ignored) into its state for the current trip. */
export function foldCage(code: string, events: readonly BewaarEvent[]): CageState {
  const ordered = orderedEvents(events, code);
  const state: CageState = {
    code,
    site: null,
    status: 'open',
    openedAt: null,
    closedCount: null,
    closedAt: null,
    collectedAt: null,
    receivedAt: null,
    updatedAt: ordered.at(-1)?.hlc ?? '',
  };
  for (const event of ordered) if (event.type === 'cage.opened') state.site = event.site;

  let atPark: 'open' | 'closed' = 'open';
  for (const event of ordered.slice(tripStart(ordered))) {
    switch (event.type) {
      case 'cage.opened':
        // A reopen keeps the trip but voids the count: the attendant recounts when closing again.
        state.openedAt ??= event.hlc;
        state.closedAt = null;
        state.closedCount = null;
        atPark = 'open';
        break;
      case 'cage.closed':
        state.closedAt = event.hlc;
        state.closedCount = event.data.count;
        atPark = 'closed';
        break;
      case 'cage.collected':
        state.collectedAt = event.hlc;
        break;
      case 'cage.received':
        state.receivedAt = event.hlc;
        break;
      default:
        break;
    }
  }
  // Once a trip left the park it cannot go back to open or closed: a later-stamped close is a
  // skewed clock, not a return. At the park, the latest open/close decides.
  state.status = state.receivedAt ? 'received' : state.collectedAt ? 'collected' : atPark;
  return state;
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
