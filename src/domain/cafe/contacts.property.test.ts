// Erasing a visitor's contact changes no figure and no export byte. Contacts reach only the
// follow-up list (followUpList); the test runs that first with every contact, then with a random
// part of them erased, and holds every figure and export made from the same visits to be the
// same — so a follow-up list that wrote a contact into a visit would be caught.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UNPOWERED_KINDS } from '../eventSchemas';
import { ordsCsv } from '../figures/ords';
import { cafeSessionsCsv, cafeVisitsCsv, cafeXlsxSheets } from './exports';
import { cafeFigures } from './figures';
import { followUpList } from './followUp';
import type { CafeContact } from './followUp';
import { cafeOrdsRows } from './ords';
import { foldSpec, session, sessionCode, ticketOf } from './testVisits';
import type { VisitSpec } from './testVisits';

const RUNS = { numRuns: 150, seed: 20261203 };
const FILTER = { from: '2026-11-01', to: '2026-12-31' };

const outcome = fc.oneof(
  fc.constant(undefined),
  fc.record({
    status: fc.constant('fixed' as const),
    fault: fc.constant('zekering'),
    minutes: fc.integer({ min: 1, max: 120 }),
  }),
  fc.record({
    status: fc.constant('repairable' as const),
    spareParts: fc.constantFrom('needed' as const, 'not-needed' as const),
    fault: fc.constant('lager'),
    minutes: fc.integer({ min: 1, max: 120 }),
  }),
  fc.record({
    status: fc.constant('end-of-life' as const),
    barrier: fc.constantFrom(
      1 as const,
      2 as const,
      3 as const,
      4 as const,
      5 as const,
      6 as const,
    ),
    fault: fc.constant('motor'),
    minutes: fc.integer({ min: 1, max: 120 }),
  }),
);

const visitSpec = (n: number) =>
  fc
    .record({
      session: fc.constantFrom(sessionCode(1), sessionCode(2)),
      category: fc.constantFrom(0, 7, 14, 18, 31, 34),
      unpoweredKind: fc.constantFrom(...UNPOWERED_KINDS),
      outcome,
      weightKg: fc.option(
        fc.integer({ min: 1, max: 40_000 }).map((g) => g / 1000),
        {
          nil: undefined,
        },
      ),
      consent: fc.boolean(),
    })
    .map((r): VisitSpec => ({
      n,
      session: r.session,
      category: r.category,
      ...(r.category === 0 ? { unpoweredKind: r.unpoweredKind } : {}),
      ...(r.outcome ? { outcome: r.outcome } : {}),
      ...(r.weightKg !== undefined ? { weightKg: r.weightKg } : {}),
      consent: r.consent,
    }));

const specs = fc
  .integer({ min: 1, max: 12 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => visitSpec(i + 1))));

const SESSIONS = [
  session(1, '2026-11-14', 'cafe-centrum', { volunteers: 5, volunteerHours: 20 }),
  session(2, '2026-12-12'),
];

/** Everything the organiser's screens and files show, from visits and sessions. */
function everything(visits: ReturnType<typeof foldSpec>[]) {
  return {
    figures: cafeFigures(visits, SESSIONS, FILTER),
    perSession: SESSIONS.map((s) => cafeFigures(visits, SESSIONS, { ...FILTER, session: s.code })),
    ords: ordsCsv(cafeOrdsRows(visits, SESSIONS, FILTER, { dataProvider: 'Regio' })),
    visitsCsv: cafeVisitsCsv(visits, SESSIONS, FILTER),
    sessionsCsv: cafeSessionsCsv(SESSIONS, visits, FILTER),
    xlsx: JSON.stringify(cafeXlsxSheets(visits, SESSIONS, FILTER)),
  };
}

describe('contacts and figures', () => {
  it('erasing contacts changes no figure and no export byte', () => {
    fc.assert(
      fc.property(
        specs,
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (list, erase) => {
          const contacts: CafeContact[] = list
            .filter((s) => s.consent)
            .map((s) => ({
              ticket: ticketOf(s.n),
              firstName: `Naam${String(s.n)}`,
              phone: `+32470${String(s.n).padStart(6, '0')}`,
              email: `bezoeker${String(s.n)}@voorbeeld.be`,
              createdAt: '2026-11-14T10:00:00Z',
              eraseAfter: '2027-02-12T10:00:00Z',
            }));
          const kept = contacts.filter((_, i) => !erase[i]);
          const withContacts = list.map(foldSpec);
          const withoutContacts = list.map(foldSpec);
          const shownWith = followUpList(withContacts, SESSIONS, contacts);
          const shownWithout = followUpList(withoutContacts, SESSIONS, kept);
          const a = everything(withContacts);
          const b = everything(withoutContacts);
          expect(a).toEqual(b);
          // The follow-up list wrote nothing into the visits it was given.
          expect(withContacts).toEqual(list.map(foldSpec));
          // No export holds any part of a contact.
          const files = [a.ords, a.visitsCsv, a.sessionsCsv, a.xlsx].join('\n');
          for (const c of contacts) {
            expect(files).not.toContain(c.firstName);
            expect(files).not.toContain(c.phone);
            expect(files).not.toContain(c.email);
          }
          // The follow-up list keeps every item; only the erased contacts are gone.
          expect(shownWithout.map((r) => r.visit.ticket)).toEqual(
            shownWith.map((r) => r.visit.ticket),
          );
          const keptTickets = new Set(kept.map((c) => c.ticket));
          for (const row of shownWithout)
            expect(row.contact === null).toBe(!keptTickets.has(row.visit.ticket));
        },
      ),
      RUNS,
    );
  });
});
