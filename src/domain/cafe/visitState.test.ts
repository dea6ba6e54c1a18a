import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BewaarEvent } from '../events';
import { SESSION, TICKET, TICKET_2, at, ev } from '../testEvents';
import { foldSession } from './sessionState';
import { skillFor } from './skills';
import { foldVisit, lostClaimOf, nextFor, queueFor, ticketLabel } from './visitState';

const RUNS = { numRuns: 300, seed: 20261203 };

const checkIn = (n: number, ticket = TICKET, extra: { number?: number; door?: string } = {}) =>
  ev(
    n,
    'visit.checked-in',
    ticket,
    {
      session: SESSION,
      number: extra.number ?? 1,
      ...(extra.door ? { door: extra.door } : {}),
      category: 14,
      problem: 'warmt niet op',
      skill: 'electric',
      waiver: true,
      followUpConsent: true,
    },
    { device: 'door-tablet', actor: 'host-els', site: 'cafe-centrum' },
  );

const claim = (n: number, table: string, device: string, minute = n, ticket = TICKET) =>
  ev(
    n,
    'visit.claimed',
    ticket,
    { table },
    { device, actor: `fixer-${device}`, site: 'cafe-centrum', hlc: at(minute) },
  );

describe('foldVisit', () => {
  it('is waiting after check-in, at a table once claimed, done with an outcome, then out', () => {
    const events: BewaarEvent[] = [checkIn(1)];
    expect(foldVisit(TICKET, events).status).toBe('waiting');
    events.push(claim(2, 'Tafel 1', 'phone-a'));
    expect(foldVisit(TICKET, events)).toMatchObject({
      status: 'at-table',
      claim: { table: 'Tafel 1' },
    });
    events.push(
      ev(3, 'visit.repaired', TICKET, {
        status: 'fixed',
        fault: 'zekering',
        minutes: 12,
        fixer: 'F-01',
      }),
    );
    expect(foldVisit(TICKET, events)).toMatchObject({
      status: 'done',
      outcome: { status: 'fixed' },
    });
    events.push(ev(4, 'visit.checked-out', TICKET, { weightKg: 1.1 }));
    expect(foldVisit(TICKET, events)).toMatchObject({ status: 'checked-out', weightKg: 1.1 });
  });

  it('gives the visit to the earliest claim by clock; the later one is lost and says who has it', () => {
    // Phone B wrote its claim first (id 2) but its clock says minute 6; phone A's says minute 5.
    const late = claim(2, 'Tafel 2', 'phone-b', 6);
    const early = claim(3, 'Tafel 1', 'phone-a', 5);
    const visit = foldVisit(TICKET, [checkIn(1), late, early]);
    expect(visit.claim).toMatchObject({ table: 'Tafel 1', device: 'phone-a' });
    expect(lostClaimOf(visit, late.id)).toMatchObject({
      table: 'Tafel 2',
      heldBy: 'Tafel 1',
    });
    expect(lostClaimOf(visit, early.id)).toBeUndefined();
  });

  it('resolves concurrent claims to the earliest by clock on every device, whatever arrives when', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2, max: 40 }), { minLength: 2, maxLength: 5 }),
        fc.boolean(),
        fc.nat(),
        (minutes, withRelease, seed) => {
          const claims = minutes.map((minute, i) =>
            claim(10 + i, `Tafel ${i + 1}`, `phone-${i}`, minute),
          );
          const release = ev(50, 'visit.released', TICKET, {}, { hlc: at(45) });
          const all: BewaarEvent[] = [checkIn(1), ...claims, ...(withRelease ? [release] : [])];
          // Each "device" receives the events in another order, some twice.
          const shuffled = fc.sample(fc.shuffledSubarray(all, { minLength: all.length }), {
            numRuns: 3,
            seed,
          });
          const earliest = claims.reduce((a, b) => (b.hlc < a.hlc ? b : a));
          const expected = withRelease ? null : { event: earliest.id, table: earliest.data.table };
          for (const order of shuffled) {
            const visit = foldVisit(TICKET, [...order, ...order.slice(0, 2)]);
            expect(visit.claim && { event: visit.claim.event, table: visit.claim.table }).toEqual(
              expected,
            );
            // Every claim but the earliest is lost (each came while the earliest held it).
            expect(visit.lostClaims.map((c) => c.event).sort()).toEqual(
              claims
                .filter((c) => c !== earliest)
                .map((c) => c.id)
                .sort(),
            );
          }
        },
      ),
      RUNS,
    );
  });

  it('frees the visit on release, so the next claim holds it', () => {
    const events = [
      checkIn(1),
      claim(2, 'Tafel 1', 'phone-a'),
      ev(3, 'visit.released', TICKET, { reason: 'eerst onderdeel halen' }),
      claim(4, 'Tafel 2', 'phone-b'),
    ];
    expect(foldVisit(TICKET, events)).toMatchObject({
      status: 'at-table',
      claim: { table: 'Tafel 2' },
      lostClaims: [],
    });
  });

  it('loses a claim that comes after the outcome', () => {
    const events = [
      checkIn(1),
      ev(2, 'visit.repaired', TICKET, {
        status: 'repairable',
        nextStep: 'more-time',
        fault: 'lager',
        minutes: 30,
        fixer: 'F-02',
      }),
      claim(3, 'Tafel 1', 'phone-a'),
    ];
    const visit = foldVisit(TICKET, events);
    expect(visit.status).toBe('done');
    expect(visit.lostClaims).toMatchObject([{ table: 'Tafel 1', heldBy: null }]);
  });
});

describe('the queue', () => {
  it('lists waiting visits of a skill, oldest check-in first; the next is the oldest', () => {
    const second = foldVisit(TICKET_2, [checkIn(5, TICKET_2, { number: 2 })]);
    const visits = [
      second,
      foldVisit(TICKET, [checkIn(1, TICKET, { number: 1 }), claim(2, 'Tafel 1', 'phone-a')]),
    ];
    expect(queueFor(visits, 'electric').map((v) => v.number)).toEqual([2]);
    expect(nextFor(visits, 'computers')).toBeUndefined();
    const released = foldVisit(TICKET, [
      checkIn(1, TICKET, { number: 1 }),
      claim(2, 'Tafel 1', 'phone-a'),
      ev(3, 'visit.released', TICKET, {}),
    ]);
    expect(nextFor([second, released], 'electric')?.ticket).toBe(TICKET);
  });

  it('calls a ticket by its number, after the door letter when there is one', () => {
    expect(ticketLabel(foldVisit(TICKET, [checkIn(1, TICKET, { number: 7 })]))).toBe('7');
    expect(ticketLabel(foldVisit(TICKET, [checkIn(1, TICKET, { number: 3, door: 'B' })]))).toBe(
      'B3',
    );
  });
});

describe('foldSession and skills', () => {
  it('opens with its tables and closes with the volunteers', () => {
    const opened = ev(1, 'session.opened', SESSION, {
      date: '2026-12-05',
      tables: [
        { name: 'Tafel 1', skill: 'electric' },
        { name: 'Naaiatelier', skill: 'textile' },
      ],
    });
    expect(foldSession(SESSION, [opened])).toMatchObject({ status: 'open', date: '2026-12-05' });
    const closed = ev(2, 'session.closed', SESSION, { volunteers: 8, volunteerHours: 28 });
    expect(foldSession(SESSION, [closed, opened])).toMatchObject({
      status: 'closed',
      volunteers: 8,
      volunteerHours: 28,
      tables: [{ name: 'Tafel 1' }, { name: 'Naaiatelier' }],
    });
  });

  it('proposes the skill from the kind', () => {
    expect(skillFor(16)).toBe('computers');
    expect(skillFor(19)).toBe('electronics');
    expect(skillFor(14)).toBe('electric');
    expect(skillFor(32)).toBe('toys');
    expect(skillFor(0, 'bike')).toBe('bikes');
    expect(skillFor(0, 'textile')).toBe('textile');
  });
});
