// Well-formed events for the server tests, made with the domain's own makeEvent.
import { checkSymbol, formatHlc, makeEvent } from '../../src/domain/index';
import type { BewaarEvent, EventDataMap, EventType } from '../../src/domain/index';
import type { PushScope } from '../../server/pushCheck';
import type { Role } from '../../server/store/schema';
import type { Enrolled } from './harness';

const T0 = Date.UTC(2026, 10, 27, 9, 0);
let counter = 0;

/** A fresh lowercase v7-shaped UUID, unique within the test run. */
export function nextId(): string {
  counter += 1;
  const random = Math.floor(Math.random() * 0xffff)
    .toString(16)
    .padStart(4, '0');
  return `00000000-0000-7000-8${random.slice(1)}-${counter.toString(16).padStart(12, '0')}`;
}

/** A canonical item (BW) or cage (BK) code from a number. */
export function code(prefix: 'BW' | 'BK', n: number): string {
  const payload = n
    .toString(32)
    .toUpperCase()
    .padStart(8, '0')
    .replace(/[ILOU]/g, 'X');
  return prefix + payload + checkSymbol(payload);
}

export interface Sender {
  device: string;
  site: string;
  actor: string;
}

/** The envelope an enrolled device writes with, as its first roster person. */
export function senderOf(enrolled: Enrolled): Sender {
  const actor = enrolled.people[0]?.id;
  if (actor === undefined) throw new Error('empty roster');
  return { device: enrolled.device.id, site: enrolled.site.id, actor };
}

export function event<K extends EventType>(
  sender: Sender,
  type: K,
  subject: string,
  data: EventDataMap[K],
  id: string = nextId(),
): BewaarEvent {
  counter += 1;
  return makeEvent({
    id,
    type,
    subject,
    hlc: formatHlc(T0 + counter * 1000, 0, '0123456789abcdef'),
    ...sender,
    data,
  });
}

export function registration(sender: Sender, subject: string, category = 14): BewaarEvent {
  return event(sender, 'item.registered', subject, {
    category,
    condition: 'works',
    complete: true,
    weightKg: 1.5,
    weighed: false,
    photos: [],
  });
}

/** What the sync route hands the event store for an enrolled park device (its tenant, its site
 * as a park, its roster), for tests that push straight through the event store. */
export function parkPushScope(enrolled: Enrolled, tenantId: string): PushScope {
  return {
    auth: {
      tenantId,
      tokenHash: 'test',
      device: { id: enrolled.device.id, siteId: enrolled.site.id, siteKind: 'park' },
      person: null,
    },
    sites: new Map(),
    roster: new Map(enrolled.people.map((p) => [p.id, p.role as Role])),
  };
}
