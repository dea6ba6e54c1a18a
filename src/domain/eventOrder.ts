// The one total order over events that every fold uses, and the set semantics (dedupe by id)
// that make a fold independent of arrival order and of duplicates.
import { canonicalJson } from './events';
import type { BewaarEvent } from './events';

/** Orders events by hlc, then id (plain string order): the order every fold applies them in. */
export function compareEvents(a: BewaarEvent, b: BewaarEvent): number {
  if (a.hlc !== b.hlc) return a.hlc < b.hlc ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** The distinct events about one subject, in fold order. */
export function orderedEvents(events: readonly BewaarEvent[], subject: string): BewaarEvent[] {
  const byId = new Map<string, BewaarEvent>();
  for (const event of events) {
    if (event.subject !== subject) continue;
    const seen = byId.get(event.id);
    // Two different events with one id are a conflict the server refuses; should both reach a
    // fold anyway, picking by content (not by arrival) keeps the fold a function of the set.
    if (!seen || (seen !== event && canonicalJson(event) < canonicalJson(seen)))
      byId.set(event.id, event);
  }
  return [...byId.values()].sort(compareEvents);
}
