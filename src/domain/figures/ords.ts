// The Open Repair Data Standard v0.3 export (aggregate resource, schema in
// ords-tableschema-v0.3-202507.json: Open Repair Alliance, github.com/openrepair/data,
// CC BY-SA 4.0): one row per item whose workshop outcome is a repair result. We follow the
// schema where the ORA's own July 2025 data does not (ids like `repconn_1`, the barrier
// "Item too worn out"): the schema is what a validator holds the export to.
import { categoryById } from '../categories';
import { ORDS_BARRIERS } from '../eventSchemas';
import { CODE_ALPHABET } from '../labelCode';
import { writeCsv } from './csv';
import { matchesFilter } from './itemFacts';
import { itemRegion } from './itemRows';
import { REASON } from './labels';
import type { FigureItem } from './itemFacts';
import { brusselsDay, inPeriod } from './period';
import type { FigureFilter } from './period';

/** The aggregate resource's fields, in the schema's order (a test holds this to the schema). */
export const ORDS_FIELDS = [
  'id',
  'data_provider',
  'country',
  'partner_product_category',
  'product_category',
  'product_category_id',
  'brand',
  'year_of_manufacture',
  'product_age',
  'repair_status',
  'repair_barrier_if_end_of_life',
  'group_identifier',
  'event_date',
  'problem',
] as const;

export type OrdsField = (typeof ORDS_FIELDS)[number];
export type OrdsRecord = { [K in OrdsField]: K extends 'product_category_id' ? number : string };

export interface OrdsOptions {
  /** `data_provider`: the organisation that contributes the data. */
  dataProvider: string;
  /** For a file over several regions: the region a site belongs to, which then is each row's
   * `data_provider` (ORDS has no region column; `group_identifier` stays the shop). */
  regionOfSite?: (site: string) => string;
  /** Lower-case letters before the number in `id` (the schema's pattern `^[a-z]+-[0-9]+$`). */
  idPrefix?: string;
  /** ISO 3166 alpha-3; Bewaar's pilots are Flemish. */
  country?: string;
  /** `group_identifier`: the shop's name for its site id (default: the id). */
  siteName?: (site: string) => string;
}

const MISC = 18;

/**
 * How a Bewaar outcome becomes an ORDS repair result (`null`: not a repair record, not exported):
 *
 * | Bewaar (state in force)                      | repair_status | repair_barrier_if_end_of_life | event_date    |
 * | -------------------------------------------- | ------------- | ----------------------------- | ------------- |
 * | for sale or sold, with ≥ 1 item.repaired     | Fixed         | (empty)                       | last repair   |
 * | for sale or sold, never repaired             | — not exported: it worked as collected, no repair was attempted, and counting it as Fixed would inflate the ORA's repair rates |
 * | rejected, reason 1–6 (ORDS barrier number)   | End of life   | that barrier                  | the rejection |
 * | rejected `unsafe` or `incomplete`            | End of life   | (empty: no ORDS barrier fits) | the rejection |
 * | rejected `no-demand`                         | — not exported: a sales decision, not a repair outcome |
 * | anything else (on its way, in repair, missing, voided) | — not exported: no outcome yet |
 */
export function ordsOutcome(
  item: FigureItem,
): { status: 'Fixed' | 'End of life'; barrier: string; at: string } | null {
  if (item.voided) return null;
  const lastRepair = item.facts.repairs.at(-1);
  if ((item.status === 'for-sale' || item.status === 'sold') && lastRepair)
    return { status: 'Fixed', barrier: '', at: lastRepair.at };
  const rejection = item.status === 'rejected' ? item.rejection : null;
  if (!rejection || rejection.reason === 'no-demand') return null;
  const barrier = typeof rejection.reason === 'number' ? ORDS_BARRIERS[rejection.reason - 1] : '';
  return { status: 'End of life', barrier: barrier ?? '', at: rejection.at };
}

/** ORDS asks every record for the problem. A repaired item has its repairs' faults and actions; an
 * item given up on has what the workshop found and why it was given up, in words (Dutch, as the
 * region's own records are). */
export function ordsProblem(item: FigureItem): string {
  const parts = item.facts.repairs.map((r) => `${r.fault}: ${r.action}`);
  if (item.status !== 'rejected' || !item.rejection) return parts.join(' / ');
  parts.push(...(item.facts.findings ?? []));
  if (item.safety?.result === 'fail') parts.push('veiligheidstest niet geslaagd');
  if (item.functionTest?.result === 'fail') parts.push('werkt niet');
  if (item.functionTest?.result === 'partial') parts.push('werkt gedeeltelijk');
  const reason = REASON[item.rejection.reason].nl;
  parts.push(`afgekeurd: ${reason.charAt(0).toLocaleLowerCase('nl') + reason.slice(1)}`);
  return parts.join(' / ');
}

/** The 8 random symbols of a code read as one base-32 number (< 2^40): stable, unique per code,
 * and digits only, as the ORDS id pattern asks. */
export function codeNumber(code: string): number {
  let n = 0;
  for (const symbol of code.slice(2, 10)) n = n * 32 + CODE_ALPHABET.indexOf(symbol);
  return n;
}

/** The ORDS records (keys in field order) of items whose outcome date lies in the filter. */
export function ordsRecords(
  items: readonly FigureItem[],
  filter: FigureFilter,
  options: OrdsOptions,
): OrdsRecord[] {
  const prefix = options.idPrefix ?? 'bewaar';
  if (!/^[a-z]+$/.test(prefix)) throw new Error(`ORDS idPrefix must be a-z, got "${prefix}"`);
  const records: OrdsRecord[] = [];
  for (const item of items) {
    const outcome = ordsOutcome(item);
    if (!outcome || !inPeriod(outcome.at, filter)) continue;
    if (!matchesFilter(item, filter)) continue;
    const shop = item.facts.shopSite;
    const category = categoryById(item.category ?? MISC) ?? categoryById(MISC);
    records.push({
      id: `${prefix}-${codeNumber(item.code)}`,
      data_provider:
        (options.regionOfSite && itemRegion(item, options.regionOfSite)) || options.dataProvider,
      country: options.country ?? 'BEL',
      partner_product_category: category?.name.nl ?? '',
      product_category: category?.ordsName ?? '',
      product_category_id: category?.id ?? MISC,
      // "Unknown" is the schema's own marker for a missing brand.
      brand: item.brand ?? 'Unknown',
      year_of_manufacture: '',
      product_age: '',
      repair_status: outcome.status,
      repair_barrier_if_end_of_life: outcome.barrier,
      group_identifier: shop === null ? '' : (options.siteName?.(shop) ?? shop),
      event_date: brusselsDay(outcome.at) ?? '',
      problem: ordsProblem(item),
    });
  }
  return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A record as an array of values in field order. */
export function ordsRow(record: OrdsRecord): (string | number)[] {
  return ORDS_FIELDS.map((field) => record[field]);
}

/** Records (from the pilot, a café, or both) as the ORDS CSV: sorted by id, as ordsRecords does. */
export function ordsCsv(records: readonly OrdsRecord[]): string {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return writeCsv(ORDS_FIELDS, sorted.map(ordsRow), { delimiter: ',', newline: '\n', bom: false });
}

/**
 * The ORDS CSV as the Open Repair Alliance publishes it: UTF-8 without BOM, comma-separated, a
 * header row, LF line ends, double quotes only where a value needs them — and, as every CSV of
 * the product, text that would start a formula behind a `'` (writeCsv).
 */
export function toOrdsCsv(
  items: readonly FigureItem[],
  filter: FigureFilter,
  options: OrdsOptions,
): string {
  return ordsCsv(ordsRecords(items, filter, options));
}
