// A repair café's visits as ORDS v0.3 rows (the same aggregate resource as the pilot's export,
// ords.ts in ../figures): one row per powered visit with an outcome; unpowered items are counted
// in the figures but ORDS covers powered items only. No contact data exists here to be written.
import { categoryById } from '../categories';
import { ORDS_BARRIERS } from '../eventSchemas';
import { codeNumber } from '../figures/ords';
import type { OrdsRecord } from '../figures/ords';
import type { CafeFilter } from './figures';
import { cafeVisitsIn, visitDay } from './figures';
import type { SessionState } from './sessionState';
import type { VisitState } from './visitState';

export interface CafeOrdsOptions {
  /** `data_provider`: the organisation that contributes the data (the region). */
  dataProvider: string;
  /** For a file over several regions: each café's region, then each row's `data_provider`. */
  regionOfSite?: (site: string) => string;
  /** `group_identifier`: the café's ORDS group name for its site id (default: the id). */
  ordsGroup?: (site: string) => string;
  /** Lower-case letters before the number in `id`; distinct from the pilot's `bewaar`, so a file
   * with both holds no id twice. */
  idPrefix?: string;
  country?: string;
}

const STATUS = { fixed: 'Fixed', repairable: 'Repairable', 'end-of-life': 'End of life' } as const;

/** ORDS asks for "the fault and solution": the fixer's words, else the visitor's. */
export function cafeOrdsProblem(visit: VisitState): string {
  const fault = visit.outcome?.fault.trim() || visit.problem?.trim() || '';
  const solution = visit.outcome?.solution?.trim() ?? '';
  return solution ? `${fault}: ${solution}` : fault;
}

/** The ORDS records of the filter's powered visits that have an outcome, sorted by id. */
export function cafeOrdsRows(
  visits: readonly VisitState[],
  sessions: readonly SessionState[],
  filter: CafeFilter,
  options: CafeOrdsOptions,
): OrdsRecord[] {
  const prefix = options.idPrefix ?? 'bewaarcafe';
  if (!/^[a-z]+$/.test(prefix)) throw new Error(`ORDS idPrefix must be a-z, got "${prefix}"`);
  const byCode = new Map(sessions.map((s) => [s.code, s]));
  const records: OrdsRecord[] = [];
  for (const visit of cafeVisitsIn(visits, sessions, filter)) {
    const outcome = visit.outcome;
    const category = visit.category === null ? undefined : categoryById(visit.category);
    if (!outcome || !category) continue; // no outcome yet, or unpowered (category 0)
    const site = visit.site ?? '';
    records.push({
      id: `${prefix}-${String(codeNumber(visit.ticket))}`,
      data_provider: (site && options.regionOfSite?.(site)) || options.dataProvider,
      country: options.country ?? 'BEL',
      partner_product_category: category.name.nl,
      product_category: category.ordsName,
      product_category_id: category.id,
      brand: visit.brand ?? 'Unknown',
      year_of_manufacture: '',
      product_age: visit.ageYears === null ? '' : String(visit.ageYears),
      repair_status: STATUS[outcome.status],
      repair_barrier_if_end_of_life:
        outcome.status === 'end-of-life' && outcome.barrier !== undefined
          ? (ORDS_BARRIERS[outcome.barrier - 1] ?? '')
          : '',
      group_identifier: site === '' ? '' : (options.ordsGroup?.(site) ?? site),
      event_date: visitDay(visit, byCode) ?? '',
      problem: cafeOrdsProblem(visit),
    });
  }
  return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
