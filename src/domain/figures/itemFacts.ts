// Per-item facts the figures need beyond the folded state (first price, every repair, the shop
// that handled it), read from the item's own events. Pure: the caller passes the events in.
import { foldCage, tripOf } from '../cageState';
import type { CageState } from '../cageState';
import { orderedEvents } from '../eventOrder';
import { isCageEventType } from '../events';
import type { BewaarEvent, EventType } from '../events';
import { foldItem } from '../itemState';
import type { ItemState } from '../itemState';
import { lineMatches } from './figureLine';
import type { FigureFilter } from './period';

export interface RepairFact {
  at: string;
  minutes: number;
  fault: string;
  action: string;
}

export interface ItemFacts {
  /** Hlc of the item's first and last event. */
  firstAt: string | null;
  lastAt: string | null;
  /** First safety or function test. */
  firstTestedAt: string | null;
  /** First event of the workshop: inspection, test, repair, wipe, price or rejection. */
  firstBenchAt: string | null;
  /** First item.priced: when it first went on the shelf (ItemState keeps only the latest). */
  firstPricedAt: string | null;
  /** Every item.repaired, oldest first: ItemState keeps only the sum of the minutes. */
  repairs: readonly RepairFact[];
  /** The shop that handled it: site of the first item.received, else of the first bench event. */
  shopSite: string | null;
  /** When it became missing: the unpacking of its cage's trip (null unless status is missing). */
  missingAt: string | null;
  /** What the workshop wrote down while looking at it (inspection and function-test notes),
   * oldest first. Absent in projections stored before it was kept. */
  findings?: readonly string[];
}

/** An item's folded state with the facts the figures need. */
export interface FigureItem extends ItemState {
  readonly facts: ItemFacts;
}

const BENCH: ReadonlySet<EventType> = new Set<EventType>([
  'item.inspected',
  'item.safety-tested',
  'item.function-tested',
  'item.repaired',
  'item.data-wiped',
  'item.priced',
  'item.rejected',
]);

/** The figure facts of one item from its events (others are ignored; order does not matter). */
export function itemFacts(code: string, events: readonly BewaarEvent[]): ItemFacts {
  const ordered = orderedEvents(events, code);
  const first = (type: EventType) => ordered.find((e) => e.type === type) ?? null;
  const tested = ordered.find(
    (e) => e.type === 'item.safety-tested' || e.type === 'item.function-tested',
  );
  const bench = ordered.find((e) => BENCH.has(e.type));
  const repairs: RepairFact[] = [];
  const findings: string[] = [];
  for (const e of ordered) {
    if ((e.type === 'item.inspected' || e.type === 'item.function-tested') && e.data.note)
      findings.push(e.data.note);
    if (e.type === 'item.repaired')
      repairs.push({
        at: e.hlc,
        minutes: e.data.minutes,
        fault: e.data.fault,
        action: e.data.action,
      });
  }
  return {
    firstAt: ordered[0]?.hlc ?? null,
    lastAt: ordered.at(-1)?.hlc ?? null,
    firstTestedAt: tested?.hlc ?? null,
    firstBenchAt: bench?.hlc ?? null,
    firstPricedAt: first('item.priced')?.hlc ?? null,
    repairs,
    shopSite: (first('item.received') ?? bench ?? null)?.site ?? null,
    missingAt: null,
    findings,
  };
}

/** Adds the figure facts to a folded item; the cage (if known) dates a missing item. */
export function figureItem(
  state: ItemState,
  events: readonly BewaarEvent[],
  cage: CageState | null = null,
): FigureItem {
  const facts = itemFacts(state.code, events);
  if (state.status === 'missing' && state.cagedAt !== null)
    facts.missingAt =
      (cage && cage.code === state.cage ? tripOf(cage, state.cagedAt).unpackedAt : null) ??
      state.cagedAt;
  return { ...state, facts };
}

/** Folds every item (with its cage) in a set of events and adds the figure facts. */
export function figureItemsFromEvents(events: readonly BewaarEvent[]): FigureItem[] {
  const bySubject = new Map<string, BewaarEvent[]>();
  for (const event of events) {
    const list = bySubject.get(event.subject);
    if (list) list.push(event);
    else bySubject.set(event.subject, [event]);
  }
  const cages = new Map<string, CageState>();
  for (const [code, list] of bySubject)
    if (list[0] && isCageEventType(list[0].type)) cages.set(code, foldCage(code, list));
  const items: FigureItem[] = [];
  for (const [code, list] of bySubject) {
    if (cages.has(code)) continue;
    const plain = foldItem(code, list);
    const cage = plain.cage === null ? null : (cages.get(plain.cage) ?? null);
    items.push(figureItem(cage ? foldItem(code, list, cage) : plain, list, cage));
  }
  return items;
}

/** Whether an item belongs to the filter's site and category (the rule of `lineMatches`). */
export function matchesFilter(item: FigureItem, filter: FigureFilter): boolean {
  return lineMatches(
    { site: item.site, shopSite: item.facts.shopSite, category: item.category },
    filter,
  );
}
