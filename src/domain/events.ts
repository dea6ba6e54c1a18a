// Event envelope, the typed event union and its validation. Devices and the server validate with
// the same schemas; nothing here stores anything.
import { z } from 'zod';
import { DATA_SCHEMAS, codeSchema } from './eventSchemas';
import { HLC_PATTERN, parseHlc } from './hlc';
import type { CodeKind } from './labelCode';

export type EventType = keyof typeof DATA_SCHEMAS;

export const EVENT_TYPES: readonly EventType[] = Object.keys(DATA_SCHEMAS) as EventType[];

export type EventDataMap = { [K in EventType]: z.output<(typeof DATA_SCHEMAS)[K]> };

export type Envelope = {
  id: string;
  subject: string;
  hlc: string;
  device: string;
  actor: string;
  site: string;
};

export type BewaarEvent = {
  [K in EventType]: Envelope & { type: K; data: EventDataMap[K] };
}[EventType];

export type EventOf<K extends EventType> = Extract<BewaarEvent, { type: K }>;

export type EventIssue = { path: string; message: string };

export type EventValidation =
  { ok: true; event: BewaarEvent } | { ok: false; code: 'invalid'; issues: EventIssue[] };

// Lower case only: the id is the idempotency key and is compared as a string.
const idSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    'must be a lowercase UUID',
  );
const hlcSchema = z
  .string()
  .regex(HLC_PATTERN, { error: 'must be a hybrid logical clock stamp', abort: true })
  .refine((stamp) => parseHlc(stamp) !== null, 'has a date that does not exist');
const reference = z.string().min(1).max(100);

/** Whether a value is the name of a known event type. */
export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && Object.hasOwn(DATA_SCHEMAS, value);
}

/** Whether events of this type are about a cage. */
export function isCageEventType(type: EventType): boolean {
  return type.startsWith('cage.');
}

/** The kind of code an event of this type is about: cage.* a cage, session.* a café session,
 * visit.* a café ticket, item.* an item. */
export function subjectKindOf(type: EventType): CodeKind {
  if (type.startsWith('cage.')) return 'cage';
  if (type.startsWith('session.')) return 'session';
  if (type.startsWith('visit.')) return 'ticket';
  return 'item';
}

/** Whether events of this type belong to a repair café (session.*, visit.*). */
export function isCafeEventType(type: EventType): boolean {
  return type.startsWith('session.') || type.startsWith('visit.');
}

function buildSchema<K extends EventType>(type: K) {
  // Envelope keys we do not know are stripped (z.object), data keys are rejected (strictObject).
  return z.object({
    id: idSchema,
    type: z.literal(type),
    subject: codeSchema(subjectKindOf(type)),
    hlc: hlcSchema,
    device: reference,
    actor: reference,
    site: reference,
    data: DATA_SCHEMAS[type],
  });
}

export type EventSchema<K extends EventType> = ReturnType<typeof buildSchema<K>>;

const schemaCache = new Map<EventType, EventSchema<EventType>>();

/** The zod schema of a whole event (envelope and data) of one type. */
export function eventSchema<K extends EventType>(type: K): EventSchema<K> {
  let schema = schemaCache.get(type);
  if (!schema) {
    schema = buildSchema(type);
    schemaCache.set(type, schema);
  }
  return schema as EventSchema<K>;
}

function invalid(issues: EventIssue[]): EventValidation {
  return { ok: false, code: 'invalid', issues };
}

/** Checks an untrusted value against its type's schema; never throws. */
export function validateEvent(input: unknown): EventValidation {
  try {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      return invalid([{ path: '', message: 'must be an object' }]);
    }
    const type: unknown = (input as { type?: unknown }).type;
    if (!isEventType(type))
      return invalid([{ path: 'type', message: 'is not a known event type' }]);
    const result = eventSchema(type).safeParse(input);
    if (!result.success) {
      return invalid(
        result.error.issues.map((i) => ({
          path: i.path.map(String).join('.'),
          message: i.message,
        })),
      );
    }
    return { ok: true, event: result.data as BewaarEvent };
  } catch (error) {
    // A hostile input (a throwing getter, say) must not take the caller down.
    return invalid([{ path: '', message: `could not be validated: ${String(error)}` }]);
  }
}

/** Validates and returns a new event; throws when invalid (callers validate UI input first). */
export function makeEvent<K extends EventType>(
  args: Envelope & { type: K; data: EventDataMap[K] },
): EventOf<K> {
  const result = validateEvent(args);
  if (!result.ok) {
    const detail = result.issues.map((i) => `${i.path || '(event)'}: ${i.message}`).join('; ');
    throw new Error(`invalid ${args.type} event: ${detail}`);
  }
  return result.event as EventOf<K>;
}

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const fields = Object.keys(record)
      .sort()
      .filter((key) => record[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${fields.join(',')}}`;
  }
  // What JSON cannot hold (undefined, functions) is written as JSON.stringify writes it in arrays.
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
    return 'null';
  return JSON.stringify(value);
}

/** Whether two events have the same content, whatever the key order. */
export function eventsEqual(a: BewaarEvent, b: BewaarEvent): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
