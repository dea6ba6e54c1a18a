// The per-item table shared by the CSV and XLSX exports: one row per item, values typed, so each
// export writes numbers and dates in its own form.
import { categoryById } from '../categories';
import type { Lang } from '../categories';
import { matchesFilter } from './itemFacts';
import type { FigureItem } from './itemFacts';
import { itemKg } from './impact';
import { DESTINATION, REASON, STATUS } from './labels';
import { brusselsDay } from './period';
import type { Day, FigureFilter } from './period';

export interface ExportOptions {
  lang?: Lang;
  /** A site's name for its id (default: the id). */
  siteName?: (site: string) => string;
  /** For a file over several regions: the name of the region a site belongs to. Every table then
   * starts with a region column; without it (a file of one region) the tables have none. */
  regionOfSite?: (site: string) => string;
  /** The traceability table's person: their name (a technician's is their worker code), or
   * undefined when unknown (the id is written then). */
  personName?: (person: string) => string | undefined;
  /** The traceability table's device: its enrolled name, or undefined for an id that is no
   * enrolled device of the region (a coordinator's browser). Without it, ids are written. */
  deviceName?: (device: string) => string | undefined;
}

/** The region of an item: its park's, or else (an item first seen at a shop) its shop's. A site
 * belongs to one region, and a code to the region that first wrote about it, so both agree. */
export function itemRegion(item: FigureItem, regionOfSite: (site: string) => string): string {
  const site = item.site ?? item.facts.shopSite;
  return site === null ? '' : regionOfSite(site);
}

/** The items by region (name), regions in code-unit order, for the tables written per region. */
export function itemsByRegion(
  items: readonly FigureItem[],
  regionOfSite: (site: string) => string,
): [string, FigureItem[]][] {
  const groups = new Map<string, FigureItem[]>();
  for (const item of items) {
    const region = itemRegion(item, regionOfSite);
    const group = groups.get(region);
    if (group) group.push(item);
    else groups.set(region, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface ItemRow {
  /** The item's region (itemRegion), or null when the export names no regions. */
  region: string | null;
  code: string;
  category: string;
  ordsCategory: number | null;
  brand: string;
  model: string;
  description: string;
  park: string;
  registered: Day | null;
  status: string;
  weightKg: number;
  weighed: boolean;
  received: Day | null;
  repairMinutes: number;
  priceEur: number | null;
  sold: Day | null;
  soldPriceEur: number | null;
  rejectionReason: string;
  destination: string;
  note: string;
}

/**
 * Items of the filter's site and category whose life (first to last event) overlaps the period,
 * voided ones left out; sorted by first event, then code.
 */
export function itemRows(
  items: readonly FigureItem[],
  filter: FigureFilter,
  options: ExportOptions = {},
): ItemRow[] {
  const lang = options.lang ?? 'nl';
  const site = (id: string | null) => (id === null ? '' : (options.siteName?.(id) ?? id));
  const regionOfSite = options.regionOfSite;
  const listed = items.filter((item) => {
    const first = brusselsDay(item.facts.firstAt);
    const last = brusselsDay(item.facts.lastAt);
    return (
      !item.voided &&
      matchesFilter(item, filter) &&
      first !== null &&
      last !== null &&
      first <= filter.to &&
      last >= filter.from
    );
  });
  const key = (item: FigureItem) => `${item.facts.firstAt ?? ''} ${item.code}`;
  listed.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return listed.map((item) => {
    const category = item.category === null ? undefined : categoryById(item.category);
    return {
      region: regionOfSite ? itemRegion(item, regionOfSite) : null,
      code: item.code,
      category: category?.name[lang] ?? '',
      ordsCategory: category?.id ?? null,
      brand: item.brand ?? '',
      model: item.model ?? '',
      description: item.description ?? '',
      park: site(item.site),
      registered: brusselsDay(item.registeredAt),
      status: STATUS[item.status][lang],
      weightKg: itemKg(item),
      weighed: item.weighed,
      received: brusselsDay(item.receivedAt),
      repairMinutes: item.repairMinutes,
      priceEur: item.price?.priceEur ?? null,
      sold: brusselsDay(item.sale?.at ?? null),
      soldPriceEur: item.sale?.priceEur ?? null,
      rejectionReason: item.rejection ? REASON[item.rejection.reason][lang] : '',
      destination: item.rejection ? DESTINATION[item.rejection.destination][lang] : '',
      note: item.note ?? '',
    };
  });
}
