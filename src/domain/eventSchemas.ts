// The `data` schemas of the event catalogue (DESIGN §3): the wire format other tools read. Kept
// free of transforms so the server can publish them with z.toJSONSchema.
import { z } from 'zod';
import { categoryById } from './categories';
import { CODE_ALPHABET, CODE_PREFIX, checkSymbol, type CodeKind } from './labelCode';
import { MAX_WEIGHT_KG } from './weightCheck';

const required = (max: number) => z.string().trim().min(1).max(max);
// Optional text may be empty: an empty value in a correction is how a field is cleared.
const optionalText = (max: number) => z.string().trim().max(max).optional();
// Whole cents, exactly: zod's multipleOf allows for float error, so 0.30000000000000004 would
// pass it; the shortest decimal form of the number must have at most two decimals.
const money = z
  .number()
  .min(0)
  .max(100_000)
  .multipleOf(0.01)
  .refine((n) => /^\d+(\.\d{1,2})?$/.test(String(n)), 'must be in whole cents');
const measurement = z.number().min(0).max(1_000_000).optional();

export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256');

/** A zod schema for a canonical code of one kind (prefix, symbols, and a correct check symbol). */
export function codeSchema(kind: CodeKind) {
  const shape = new RegExp(`^${CODE_PREFIX[kind]}[${CODE_ALPHABET}]{9}$`);
  // abort: the check-symbol test below only makes sense on well-formed symbols.
  return z
    .string()
    .regex(shape, { error: `must be a canonical ${kind} code`, abort: true })
    .refine(
      (code) => checkSymbol(code.slice(2, 10)) === code.slice(10),
      'has a wrong check symbol',
    );
}

/** ORDS v0.3 repair barriers, in the order their numbers 1–6 stand for. */
export const ORDS_BARRIERS = [
  'Spare parts not available',
  'Spare parts too expensive',
  'No way to open product',
  'Repair information not available',
  'Lack of equipment',
  'Too worn out',
] as const;

const registeredFields = {
  category: z
    .int()
    .min(1)
    .max(40)
    .refine((id) => categoryById(id) !== undefined, 'is not a known category'),
  brand: optionalText(80),
  model: optionalText(80),
  description: optionalText(200),
  condition: z.enum(['works', 'unknown', 'minor-defect']),
  complete: z.boolean(),
  weightKg: z.number().gt(0).max(MAX_WEIGHT_KG),
  weighed: z.boolean(),
  photos: z.array(sha256Schema).max(10),
  note: optionalText(1000),
};

export const registeredSchema = z.strictObject(registeredFields);

export const correctedSchema = z
  .strictObject(registeredFields)
  .partial()
  .refine(
    (data) => Object.values(data as Record<string, unknown>).some((v) => v !== undefined),
    'must change at least one field',
  );

const none = z.strictObject({});

export const cagedSchema = z.strictObject({ cage: codeSchema('cage') });
export const cageOpenedSchema = none;
// `registered`: how many items this device had registered in the cage when it was closed, so a
// count that differs is on record for the shop (optional: older devices close without it).
export const cageClosedSchema = z.strictObject({
  count: z.int().min(0).max(10_000),
  registered: z.int().min(0).max(10_000).optional(),
});
export const cageCollectedSchema = none;
export const cageReceivedSchema = none;
// Bewaar's own type: the shop finished unpacking the cage; its trip's items not scanned by then
// are missing (until one is scanned after all).
export const cageUnpackedSchema = none;
// `cage`: the cage being unpacked when the item was scanned (absent for a scan at the bench), so
// the shop can list what came in a cage that the park never said was in it.
export const itemReceivedSchema = z.strictObject({ cage: codeSchema('cage').optional() });

export const inspectedSchema = z.strictObject({
  visual: z.enum(['ok', 'damaged']),
  complete: z.boolean(),
  note: optionalText(1000),
});

export const safetyTestedSchema = z.strictObject({
  result: z.enum(['pass', 'fail']),
  method: required(500),
  instrument: optionalText(500),
  insulationMOhm: measurement,
  earthOhm: measurement,
  leakageMA: measurement,
});

export const functionTestedSchema = z.strictObject({
  result: z.enum(['pass', 'partial', 'fail']),
  note: optionalText(1000),
});

export const repairedSchema = z.strictObject({
  fault: required(500),
  action: required(500),
  parts: z.array(z.strictObject({ name: required(500), costEur: money })).max(50),
  minutes: z.int().min(0).max(10_000),
  worker: required(100),
});

export const dataWipedSchema = z.strictObject({
  method: z.enum(['clear', 'purge', 'destroy']),
  tool: required(500),
  verified: z.boolean(),
  certificate: optionalText(500),
});

export const rejectedSchema = z.strictObject({
  // ORDS barrier number (see ORDS_BARRIERS) or one of Bewaar's own reasons.
  reason: z.union([z.literal([1, 2, 3, 4, 5, 6]), z.enum(['unsafe', 'no-demand', 'incomplete'])]),
  destination: z.enum(['recycling', 'parts']),
});

export const pricedSchema = z.strictObject({
  priceEur: money,
  // Ten years is far beyond any second-hand warranty; the cap only catches typos.
  warrantyMonths: z.int().min(0).max(120),
});

export const soldSchema = z.strictObject({ priceEur: money });
export const returnedSchema = z.strictObject({ reason: required(500) });
export const photoAddedSchema = z.strictObject({ photo: sha256Schema });
export const voidedSchema = z.strictObject({ reason: optionalText(500) });

// Repair-café days (DESIGN §6). A session is one café day (subject: a BS code); a visit is an item
// a visitor brought (subject: the BT code of its ticket). No personal data here: a visitor's
// contact is kept by the server outside the event log.

/** The skills a café's tables have, and a visit asks for. */
export const CAFE_SKILLS = [
  'electric',
  'electronics',
  'computers',
  'textile',
  'bikes',
  'furniture',
  'toys',
  'other',
] as const;
export type CafeSkill = (typeof CAFE_SKILLS)[number];
/** What a visitor brings that has no plug or battery: `category` 0 with one of these. */
export const UNPOWERED_KINDS = ['textile', 'bike', 'furniture', 'toy', 'other'] as const;
export type UnpoweredKind = (typeof UNPOWERED_KINDS)[number];
/** The `category` of an unpowered visit (ORDS categories are 1–40, all powered). */
export const UNPOWERED_CATEGORY = 0;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD', abort: true })
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, 'is not a date that exists');

export const sessionOpenedSchema = z.strictObject({
  date: isoDay,
  venue: optionalText(200),
  tables: z
    .array(z.strictObject({ name: required(60), skill: z.enum(CAFE_SKILLS) }))
    .min(1)
    .max(50),
});

export const sessionClosedSchema = z.strictObject({
  volunteers: z.int().min(0).max(1000),
  volunteerHours: z.number().min(0).max(10_000),
});

export const visitCheckedInSchema = z
  .strictObject({
    session: codeSchema('session'),
    /** The number people call out, per session (and per door, when a session has more). */
    number: z.int().min(1).max(9999),
    /** The door's letter when a session has more than one (A1, B1 …); absent with one door. */
    door: z
      .string()
      .regex(/^[A-Z]$/)
      .optional(),
    category: z
      .int()
      .min(UNPOWERED_CATEGORY)
      .max(40)
      .refine(
        (id) => id === UNPOWERED_CATEGORY || categoryById(id) !== undefined,
        'is not a known category',
      ),
    unpoweredKind: z.enum(UNPOWERED_KINDS).optional(),
    brand: optionalText(80),
    model: optionalText(80),
    /** The visitor's own words for the fault. */
    problem: required(1000),
    ageYears: z.number().min(0).max(150).optional(),
    skill: z.enum(CAFE_SKILLS),
    waiver: z.literal(true),
    followUpConsent: z.boolean(),
  })
  .refine(
    (data) => (data.category === UNPOWERED_CATEGORY) === (data.unpoweredKind !== undefined),
    'an unpowered item (category 0) names its unpoweredKind, a powered one does not',
  );

export const visitClaimedSchema = z.strictObject({ table: required(60) });
export const visitReleasedSchema = z.strictObject({ reason: optionalText(500) });

export const visitRepairedSchema = z
  .strictObject({
    status: z.enum(['fixed', 'repairable', 'end-of-life']),
    nextStep: z.enum(['more-time', 'professional-help', 'do-it-yourself']).optional(),
    spareParts: z.enum(['needed', 'not-needed']).optional(),
    partsSource: z.enum(['manufacturer', 'third-party']).optional(),
    /** ORDS barrier number (see ORDS_BARRIERS), when the item is at its end of life. */
    barrier: z.literal([1, 2, 3, 4, 5, 6]).optional(),
    fault: required(1000),
    solution: optionalText(1000),
    minutes: z.int().min(0).max(1000),
    /** The fixer's pseudonymous code on the café's roster. */
    fixer: required(100),
  })
  .refine((data) => data.status === 'repairable' || data.nextStep === undefined, {
    error: 'a next step is for a repairable item only',
    path: ['nextStep'],
  })
  .refine((data) => data.status === 'end-of-life' || data.barrier === undefined, {
    error: 'a barrier is for an item at its end of life only',
    path: ['barrier'],
  });

export const visitCheckedOutSchema = z.strictObject({
  weightKg: z.number().gt(0).max(MAX_WEIGHT_KG).optional(),
});

/** The `data` schema of every event type, keyed by type name. */
export const DATA_SCHEMAS = {
  'item.registered': registeredSchema,
  'item.corrected': correctedSchema,
  'item.caged': cagedSchema,
  'cage.opened': cageOpenedSchema,
  'cage.closed': cageClosedSchema,
  'cage.collected': cageCollectedSchema,
  'cage.received': cageReceivedSchema,
  'cage.unpacked': cageUnpackedSchema,
  'item.received': itemReceivedSchema,
  'item.inspected': inspectedSchema,
  'item.safety-tested': safetyTestedSchema,
  'item.function-tested': functionTestedSchema,
  'item.repaired': repairedSchema,
  'item.data-wiped': dataWipedSchema,
  'item.rejected': rejectedSchema,
  'item.priced': pricedSchema,
  'item.sold': soldSchema,
  'item.returned': returnedSchema,
  'item.photo-added': photoAddedSchema,
  'item.voided': voidedSchema,
  'session.opened': sessionOpenedSchema,
  'session.closed': sessionClosedSchema,
  'visit.checked-in': visitCheckedInSchema,
  'visit.claimed': visitClaimedSchema,
  'visit.released': visitReleasedSchema,
  'visit.repaired': visitRepairedSchema,
  'visit.checked-out': visitCheckedOutSchema,
  'visit.photo-added': photoAddedSchema,
} as const;
