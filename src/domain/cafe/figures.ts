// A repair café's figures (DESIGN §6), per session or per café over a period: outcomes and their
// shares, barriers, CO2e and waste prevented by the Restart method (fixed items only), volunteer
// hours, fixers' minutes and top kinds. Pure: visits and sessions in, figures out — no contact
// record is ever an input, so erasing one can change no figure.
import { categoryById } from '../categories';
import type { UnpoweredKind } from '../eventSchemas';
import { co2eAvoidedKg, DISPLACEMENT_FACTOR, grams, itemKg } from '../figures/impact';
import { UNPOWERED_KGCO2E_PER_KG } from '../figures/impact';
import { brusselsDay, dayInPeriod } from '../figures/period';
import type { Day } from '../figures/period';
import type { SessionState } from './sessionState';
import type { VisitState } from './visitState';

/** Which visits the figures cover: the café day (its session's date) from `from` to `to`
 * included, optionally one café (site) and one session. */
export interface CafeFilter {
  from: Day;
  to: Day;
  site?: string | undefined;
  session?: string | undefined;
}

export interface OutcomeCount {
  count: number;
  /** Of the visits with an outcome; null when none has one. */
  share: number | null;
}

export interface KindCount {
  /** ORDS category 1–40, or 0 for an unpowered item (then `unpoweredKind`). */
  category: number;
  unpoweredKind: UnpoweredKind | null;
  count: number;
}

export interface CafeFigures {
  /** Sessions whose day lies in the filter. */
  sessions: number;
  /** Items checked in. */
  visits: number;
  /** Of them unpowered (counted here, not written as ORDS rows). */
  unpowered: number;
  /** Visits with an outcome recorded. */
  outcomes: number;
  fixed: OutcomeCount;
  repairable: OutcomeCount;
  endOfLife: OutcomeCount;
  /** End-of-life visits per ORDS barrier 1–6 (index 0 = barrier 1), and those without one. */
  barriers: number[];
  noBarrier: number;
  /** Restart method, fixed items only. */
  co2eAvoidedKg: number;
  wasteAvoidedKg: number;
  /** Fixed items with no weight and no category weight to go on (powered Misc, unpowered): their
   * weight-based CO2e and waste are not counted, rather than guessed. */
  fixedUnweighed: number;
  volunteers: number;
  /** Sum over the closed sessions in the filter. */
  volunteerHours: number;
  fixerMinutes: number;
  /** Most brought kinds first (ties: lower category, then kind), at most five. */
  topKinds: KindCount[];
}

/** The café day a visit counts on: its session's date, else (the opening not yet arrived) the
 * Brussels day of its check-in. */
export function visitDay(
  visit: VisitState,
  sessions: ReadonlyMap<string, SessionState>,
): Day | null {
  const session = visit.session === null ? undefined : sessions.get(visit.session);
  return session?.date ?? brusselsDay(visit.checkedInAt);
}

/** The visits of the filter (checked in, on a day in the period, of its café and session). */
export function cafeVisitsIn(
  visits: readonly VisitState[],
  sessions: readonly SessionState[],
  filter: CafeFilter,
): VisitState[] {
  const byCode = new Map(sessions.map((s) => [s.code, s]));
  return visits.filter(
    (v) =>
      v.checkedIn &&
      dayInPeriod(visitDay(v, byCode), filter) &&
      (!filter.site || v.site === filter.site) &&
      (!filter.session || v.session === filter.session),
  );
}

/** The sessions of the filter. */
export function cafeSessionsIn(
  sessions: readonly SessionState[],
  filter: CafeFilter,
): SessionState[] {
  return sessions.filter(
    (s) =>
      s.date !== null &&
      dayInPeriod(s.date, filter) &&
      (!filter.site || s.site === filter.site) &&
      (!filter.session || s.code === filter.session),
  );
}

/** Weight in kg for the figures: weighed at check-out, else the category's default weight, else
 * none (0). */
export function visitKg(visit: Pick<VisitState, 'weightKg' | 'category'>): number {
  if (visit.category === 0) return visit.weightKg ?? 0;
  return itemKg({ weightKg: visit.weightKg, category: visit.category });
}

/** CO2e prevented by one fixed visit (Restart method): powered, the category's footprint × 0.5
 * (no footprint, as Misc: weight × 32.07 × 0.5); unpowered, weight × 17.70 × 0.5. */
export function visitCo2eKg(visit: Pick<VisitState, 'weightKg' | 'category'>): number {
  if (visit.category === 0) return visitKg(visit) * UNPOWERED_KGCO2E_PER_KG * DISPLACEMENT_FACTOR;
  return co2eAvoidedKg({ weightKg: visit.weightKg, category: visit.category });
}

const share = (count: number, of: number): OutcomeCount => ({
  count,
  share: of === 0 ? null : count / of,
});

/** The figures of the visits and sessions in the filter (see CafeFigures). */
export function cafeFigures(
  visits: readonly VisitState[],
  sessions: readonly SessionState[],
  filter: CafeFilter,
): CafeFigures {
  const shown = cafeVisitsIn(visits, sessions, filter);
  const days = cafeSessionsIn(sessions, filter);
  let fixed = 0;
  let repairable = 0;
  let endOfLife = 0;
  let noBarrier = 0;
  let fixedUnweighed = 0;
  let co2eG = 0;
  let wasteG = 0;
  let minutes = 0;
  const barriers = [0, 0, 0, 0, 0, 0];
  const kinds = new Map<string, KindCount>();
  for (const visit of shown) {
    const category = visit.category ?? 0;
    const kindKey = `${String(category)}:${visit.unpoweredKind ?? ''}`;
    const kind = kinds.get(kindKey) ?? { category, unpoweredKind: visit.unpoweredKind, count: 0 };
    kind.count += 1;
    kinds.set(kindKey, kind);
    const outcome = visit.outcome;
    if (!outcome) continue;
    minutes += outcome.minutes;
    if (outcome.status === 'fixed') {
      fixed += 1;
      const kg = visitKg(visit);
      const byWeight = category === 0 || (categoryById(category)?.footprintKgCo2e ?? null) === null;
      if (kg === 0 && byWeight) fixedUnweighed += 1;
      co2eG += grams(visitCo2eKg(visit));
      wasteG += grams(kg);
    } else if (outcome.status === 'repairable') repairable += 1;
    else {
      endOfLife += 1;
      if (outcome.barrier === undefined) noBarrier += 1;
      else barriers[outcome.barrier - 1] = (barriers[outcome.barrier - 1] ?? 0) + 1;
    }
  }
  const outcomes = fixed + repairable + endOfLife;
  const closed = days.filter((s) => s.status === 'closed');
  const topKinds = [...kinds.values()]
    .sort(
      (a, b) =>
        b.count - a.count ||
        a.category - b.category ||
        (a.unpoweredKind ?? '').localeCompare(b.unpoweredKind ?? ''),
    )
    .slice(0, 5);
  return {
    sessions: days.length,
    visits: shown.length,
    unpowered: shown.filter((v) => v.category === 0).length,
    outcomes,
    fixed: share(fixed, outcomes),
    repairable: share(repairable, outcomes),
    endOfLife: share(endOfLife, outcomes),
    barriers,
    noBarrier,
    co2eAvoidedKg: co2eG / 1000,
    wasteAvoidedKg: wasteG / 1000,
    fixedUnweighed,
    volunteers: closed.reduce((sum, s) => sum + (s.volunteers ?? 0), 0),
    volunteerHours: closed.reduce((sum, s) => sum + (s.volunteerHours ?? 0), 0),
    fixerMinutes: minutes,
    topKinds,
  };
}
