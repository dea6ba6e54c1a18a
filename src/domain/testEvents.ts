// Builders of well-formed events for the domain's tests: readable defaults, explicit times.
// Not part of the public API (index.ts does not export it).
import { makeEvent } from './events';
import type { Envelope, EventDataMap, EventOf, EventType } from './events';
import { formatHlc } from './hlc';
import { checkSymbol } from './labelCode';

export const T0 = Date.UTC(2026, 10, 27, 9, 0);
export const NODE = '0123456789abcdef';

/** A canonical code with the given prefix and 8 payload symbols. */
export function testCode(prefix: 'BW' | 'BK' | 'BS' | 'BT', payload: string): string {
  return prefix + payload + checkSymbol(payload);
}

export const ITEM = testCode('BW', '7K3Q9XTA');
export const ITEM_2 = testCode('BW', '00000002');
export const CAGE = testCode('BK', '4CAGE001');
export const CAGE_2 = testCode('BK', '4CAGE002');
export const SESSION = testCode('BS', '5ESS1001');
export const TICKET = testCode('BT', '71CKET01');
export const TICKET_2 = testCode('BT', '71CKET02');

/** The stamp `minute` minutes after T0. */
export function at(minute: number, counter = 0, node = NODE): string {
  return formatHlc(T0 + minute * 60_000, counter, node);
}

/** A v7-shaped UUID that sorts by n. */
export function testId(n: number): string {
  return `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** Event `n` (id and, unless overridden, time in minutes) of a type about a subject. */
export function ev<K extends EventType>(
  n: number,
  type: K,
  subject: string,
  data: EventDataMap[K],
  envelope: Partial<Envelope> = {},
): EventOf<K> {
  return makeEvent({
    id: testId(n),
    type,
    subject,
    hlc: at(n),
    device: 'tablet-noord',
    actor: 'p-an',
    site: 'park-noord',
    data,
    ...envelope,
  });
}

/** A typical registration: a working kettle, weight estimated. */
export function registration(
  n: number,
  data: Partial<EventDataMap['item.registered']> = {},
  envelope: Partial<Envelope> = {},
): EventOf<'item.registered'> {
  const base = {
    category: 14,
    condition: 'works',
    complete: true,
    weightKg: 1.245,
    weighed: false,
    photos: [],
  } as const;
  return ev(n, 'item.registered', ITEM, { ...base, photos: [], ...data }, envelope);
}
