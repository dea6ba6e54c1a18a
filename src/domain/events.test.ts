import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { EVENT_TYPES, eventSchema, eventsEqual, validateEvent } from './events';
import type { EventDataMap, EventType } from './events';
import { subjectKindOf } from './events';
import { CAGE, ITEM, SESSION, TICKET, at, ev, registration, testId } from './testEvents';

const SHA = 'a'.repeat(64);
const envelope = {
  id: testId(1),
  hlc: at(1),
  device: 'tablet-noord',
  actor: 'p-an',
  site: 'park-noord',
};

const EXAMPLES: { [K in EventType]: EventDataMap[K] } = {
  'item.registered': {
    category: 19,
    brand: 'Nokia',
    condition: 'works',
    complete: true,
    weightKg: 0.151,
    weighed: true,
    photos: [SHA],
  },
  'item.corrected': { brand: 'Samsung' },
  'item.caged': { cage: CAGE },
  'cage.opened': {},
  'cage.closed': { count: 12 },
  'cage.collected': {},
  'cage.received': {},
  'cage.unpacked': {},
  'item.received': { cage: CAGE },
  'item.inspected': { visual: 'ok', complete: false, note: 'kabel ontbreekt' },
  'item.safety-tested': {
    result: 'pass',
    method: 'PAT class I',
    insulationMOhm: 200,
    earthOhm: 0.1,
    leakageMA: 0.2,
  },
  'item.function-tested': { result: 'partial' },
  'item.repaired': {
    fault: 'zekering',
    action: 'vervangen',
    parts: [{ name: 'zekering 5A', costEur: 0.5 }],
    minutes: 15,
    worker: 'W07',
  },
  'item.data-wiped': { method: 'purge', tool: 'nwipe', verified: true },
  'item.rejected': { reason: 2, destination: 'parts' },
  'item.priced': { priceEur: 19.99, warrantyMonths: 6 },
  'item.sold': { priceEur: 15 },
  'item.returned': { reason: 'werkt niet' },
  'item.photo-added': { photo: SHA },
  'item.voided': { reason: 'verkeerd label' },
  'session.opened': {
    date: '2026-12-05',
    venue: 'Parochiezaal',
    tables: [{ name: 'Tafel 1', skill: 'electric' }],
  },
  'session.closed': { volunteers: 9, volunteerHours: 31.5 },
  'visit.checked-in': {
    session: SESSION,
    number: 7,
    category: 14,
    brand: 'Philips',
    problem: 'slaat af na een minuut',
    ageYears: 6,
    skill: 'electric',
    waiver: true,
    followUpConsent: false,
  },
  'visit.claimed': { table: 'Tafel 1' },
  'visit.released': { reason: 'onderdeel nodig' },
  'visit.repaired': {
    status: 'end-of-life',
    barrier: 1,
    fault: 'thermostaat kapot',
    minutes: 25,
    fixer: 'F-03',
  },
  'visit.checked-out': { weightKg: 1.3 },
  'visit.photo-added': { photo: SHA },
};

const SUBJECTS = { item: ITEM, cage: CAGE, session: SESSION, ticket: TICKET } as const;

const wire = (type: EventType, data: unknown, extra: Record<string, unknown> = {}) => ({
  ...envelope,
  type,
  subject: SUBJECTS[subjectKindOf(type)],
  data,
  ...extra,
});

const issuesOf = (input: unknown) => {
  const result = validateEvent(input);
  return result.ok ? [] : result.issues;
};

describe('event catalogue', () => {
  it('has the DESIGN §3 and §6 types plus item.voided and cage.unpacked', () => {
    expect(EVENT_TYPES).toHaveLength(28);
    expect(EVENT_TYPES).toContain('item.voided');
    expect(EVENT_TYPES).toContain('cage.unpacked');
  });

  it.each(EVENT_TYPES)('accepts a valid %s and can publish its JSON Schema', (type) => {
    const result = validateEvent(wire(type, EXAMPLES[type]));
    expect(result).toMatchObject({ ok: true, event: { type, data: EXAMPLES[type] } });
    expect(() => z.toJSONSchema(eventSchema(type))).not.toThrow();
  });
});

describe('validateEvent', () => {
  it('strips unknown envelope keys and rejects unknown data keys', () => {
    const result = validateEvent(wire('item.sold', { priceEur: 5 }, { tenant: 't1' }));
    expect(result.ok && 'tenant' in result.event).toBe(false);
    expect(issuesOf(wire('item.sold', { priceEur: 5, discount: 1 }))).toEqual([
      { path: 'data', message: expect.stringContaining('discount') as string },
    ]);
  });

  it('trims free text and refuses text that is only spaces where text is required', () => {
    const result = validateEvent(wire('item.returned', { reason: '  kapot  ' }));
    expect(result.ok && result.event.type === 'item.returned' && result.event.data.reason).toBe(
      'kapot',
    );
    expect(issuesOf(wire('item.returned', { reason: '   ' }))[0]?.path).toBe('data.reason');
  });

  it.each<[string, unknown, string]>([
    [
      'a cage code as item subject',
      wire('item.sold', { priceEur: 5 }, { subject: CAGE }),
      'subject',
    ],
    ['an item code as cage subject', wire('cage.opened', {}, { subject: ITEM }), 'subject'],
    [
      'a printed-form subject',
      wire('item.sold', { priceEur: 5 }, { subject: 'BW-7K3Q-9XTA-X' }),
      'subject',
    ],
    [
      'a wrong check symbol',
      wire(
        'item.sold',
        { priceEur: 5 },
        { subject: ITEM.slice(0, 10) + (ITEM.endsWith('0') ? '1' : '0') },
      ),
      'subject',
    ],
    [
      'an upper-case id',
      wire('item.sold', { priceEur: 5 }, { id: testId(0xabc).toUpperCase() }),
      'id',
    ],
    ['a non-uuid id', wire('item.sold', { priceEur: 5 }, { id: 'abc' }), 'id'],
    ['a malformed hlc', wire('item.sold', { priceEur: 5 }, { hlc: '2026-11-27 10:15' }), 'hlc'],
    [
      'an impossible hlc date',
      wire('item.sold', { priceEur: 5 }, { hlc: '2026-02-30T10:15:00.000Z-0000-0123456789abcdef' }),
      'hlc',
    ],
    ['an empty device', wire('item.sold', { priceEur: 5 }, { device: '' }), 'device'],
    ['a long actor', wire('item.sold', { priceEur: 5 }, { actor: 'x'.repeat(101) }), 'actor'],
    [
      'category 0',
      wire('item.registered', { ...EXAMPLES['item.registered'], category: 0 }),
      'data.category',
    ],
    [
      'category 41',
      wire('item.registered', { ...EXAMPLES['item.registered'], category: 41 }),
      'data.category',
    ],
    [
      'category 1.5',
      wire('item.registered', { ...EXAMPLES['item.registered'], category: 1.5 }),
      'data.category',
    ],
    [
      'weight 0',
      wire('item.registered', { ...EXAMPLES['item.registered'], weightKg: 0 }),
      'data.weightKg',
    ],
    [
      'weight 1000.5',
      wire('item.registered', { ...EXAMPLES['item.registered'], weightKg: 1000.5 }),
      'data.weightKg',
    ],
    [
      'brand of 81 chars',
      wire('item.registered', { ...EXAMPLES['item.registered'], brand: 'b'.repeat(81) }),
      'data.brand',
    ],
    [
      '11 photos',
      wire('item.registered', {
        ...EXAMPLES['item.registered'],
        photos: Array<string>(11).fill(SHA),
      }),
      'data.photos',
    ],
    ['an upper-case hash', wire('item.photo-added', { photo: 'A'.repeat(64) }), 'data.photo'],
    [
      'a missing condition',
      wire('item.registered', { ...EXAMPLES['item.registered'], condition: undefined }),
      'data.condition',
    ],
    ['an empty correction', wire('item.corrected', {}), 'data'],
    ['a correction with an unknown field', wire('item.corrected', { colour: 'red' }), 'data'],
    ['an item code as cage', wire('item.caged', { cage: ITEM }), 'data.cage'],
    ['a negative count', wire('cage.closed', { count: -1 }), 'data.count'],
    [
      'a registered number that is not whole',
      wire('cage.closed', { count: 4, registered: 2.5 }),
      'data.registered',
    ],
    ['data on cage.opened', wire('cage.opened', { park: 'x' }), 'data'],
    [
      'a price with 3 decimals',
      wire('item.priced', { priceEur: 1.005, warrantyMonths: 0 }),
      'data.priceEur',
    ],
    ['a price off by float error', wire('item.sold', { priceEur: 0.1 + 0.2 }), 'data.priceEur'],
    [
      'a part cost off by float error',
      wire('item.repaired', {
        ...EXAMPLES['item.repaired'],
        parts: [{ name: 'zekering', costEur: 1.1 * 3 }],
      }),
      'data.parts.0.costEur',
    ],
    ['a negative price', wire('item.sold', { priceEur: -1 }), 'data.priceEur'],
    ['a price over 100000', wire('item.sold', { priceEur: 100_000.01 }), 'data.priceEur'],
    [
      'fractional minutes',
      wire('item.repaired', { ...EXAMPLES['item.repaired'], minutes: 1.5 }),
      'data.minutes',
    ],
    [
      '10001 minutes',
      wire('item.repaired', { ...EXAMPLES['item.repaired'], minutes: 10_001 }),
      'data.minutes',
    ],
    ['barrier 7', wire('item.rejected', { reason: 7, destination: 'parts' }), 'data.reason'],
    [
      'barrier as a string',
      wire('item.rejected', { reason: '1', destination: 'parts' }),
      'data.reason',
    ],
    [
      'an unknown destination',
      wire('item.rejected', { reason: 'unsafe', destination: 'bin' }),
      'data.destination',
    ],
    [
      'an unknown wipe method',
      wire('item.data-wiped', { method: 'format', tool: 'x', verified: true }),
      'data.method',
    ],
    ['an unknown test result', wire('item.function-tested', { result: 'ok' }), 'data.result'],
  ])('rejects %s', (_name, input, path) => {
    const issues = issuesOf(input);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.path)).toContain(path);
  });

  it('accepts the edges of the ranges', () => {
    expect(validateEvent(wire('item.sold', { priceEur: 0 })).ok).toBe(true);
    expect(validateEvent(wire('item.sold', { priceEur: 100_000 })).ok).toBe(true);
    // Whole cents that a binary float cannot hold exactly are still whole cents.
    for (const priceEur of [0.29, 0.3, 19.99, 1.1, 4.35, 99_999.99])
      expect(validateEvent(wire('item.sold', { priceEur })).ok, String(priceEur)).toBe(true);
    expect(validateEvent(wire('item.rejected', { reason: 6, destination: 'recycling' })).ok).toBe(
      true,
    );
    expect(
      validateEvent(wire('item.rejected', { reason: 'no-demand', destination: 'recycling' })).ok,
    ).toBe(true);
    expect(
      validateEvent(wire('item.repaired', { ...EXAMPLES['item.repaired'], minutes: 0, parts: [] }))
        .ok,
    ).toBe(true);
    expect(
      validateEvent(
        wire('item.registered', { ...EXAMPLES['item.registered'], weightKg: 1000, category: 40 }),
      ).ok,
    ).toBe(true);
    expect(validateEvent(wire('item.corrected', { brand: '' })).ok).toBe(true);
    // A close with the registered number next to the count, and one from an older device.
    expect(validateEvent(wire('cage.closed', { count: 4, registered: 3 })).ok).toBe(true);
    expect(validateEvent(wire('cage.closed', { count: 4 })).ok).toBe(true);
  });

  it('rejects unknown types and non-objects with a clear issue', () => {
    expect(issuesOf(wire('item.exploded' as EventType, {}))).toEqual([
      { path: 'type', message: 'is not a known event type' },
    ]);
    expect(issuesOf(null)).toEqual([{ path: '', message: 'must be an object' }]);
    expect(issuesOf([1])).toEqual([{ path: '', message: 'must be an object' }]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(validateEvent(input).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
    const hostile = Object.defineProperty({}, 'type', {
      get: () => {
        throw new Error('boom');
      },
    });
    expect(validateEvent(hostile).ok).toBe(false);
  });
});

describe('makeEvent and eventsEqual', () => {
  it('returns the validated event and throws with the issues when invalid', () => {
    const event = registration(1, { brand: ' Philips ' });
    expect(event.data.brand).toBe('Philips');
    expect(() => ev(2, 'item.sold', ITEM, { priceEur: -3 })).toThrow(/item\.sold.*data\.priceEur/);
  });

  it('compares content regardless of key order', () => {
    const a = ev(3, 'item.priced', ITEM, { priceEur: 10, warrantyMonths: 3 });
    const b = {
      data: { warrantyMonths: 3, priceEur: 10 },
      site: a.site,
      actor: a.actor,
      device: a.device,
      hlc: a.hlc,
      subject: a.subject,
      type: a.type,
      id: a.id,
    };
    expect(eventsEqual(a, b)).toBe(true);
    expect(eventsEqual(a, { ...b, data: { priceEur: 11, warrantyMonths: 3 } })).toBe(false);
    expect(eventsEqual(a, { ...b, actor: 'p-bo' })).toBe(false);
  });
});
