// One item as the figures read it: its filter keys, its weight and CO2e in whole grams, and the
// Brussels day of each event that dates a figure (see Figures), worked out once per item change.
import { co2eAvoidedKg, cents, grams, itemKg } from './impact';
import type { RejectionDestination, RejectionReason } from './figureTypes';
import type { FigureItem } from './itemFacts';
import { brusselsDay } from './period';
import type { Day, FigureFilter } from './period';
import { hlcWallMs } from '../hlc';

export interface FigureLine {
  code: string;
  /** The park it was registered at, and the shop that handled it. */
  site: string | null;
  shopSite: string | null;
  category: number | null;
  /** Weight, and CO2e avoided when sold, in whole grams. */
  g: number;
  co2g: number;
  /** Still for sale now; missing now. */
  onShelf: boolean;
  missing: boolean;
  registeredDay: Day | null;
  /** Wall-clock ms of the registration and of the first price: the medians count elapsed days. */
  registeredMs: number | null;
  receivedDay: Day | null;
  missingDay: Day | null;
  testedDay: Day | null;
  benchDay: Day | null;
  pricedDay: Day | null;
  pricedMs: number | null;
  /** Every repair, oldest first: its day and minutes. */
  repairs: readonly { day: Day | null; minutes: number }[];
  sale: { day: Day | null; ms: number; ct: number } | null;
  rejection: { day: Day | null; reason: RejectionReason; destination: RejectionDestination } | null;
}

const wall = (hlc: string | null): number | null => {
  if (hlc === null) return null;
  const ms = hlcWallMs(hlc);
  return Number.isFinite(ms) ? ms : null;
};

/** The figure line of a folded item, or null for a voided item (it counts nowhere). */
export function figureLine(item: FigureItem): FigureLine | null {
  if (item.voided) return null;
  const f = item.facts;
  return {
    code: item.code,
    site: item.site,
    shopSite: f.shopSite,
    category: item.category,
    g: grams(itemKg(item)),
    co2g: grams(co2eAvoidedKg(item)),
    onShelf: item.status === 'for-sale',
    missing: item.status === 'missing',
    registeredDay: brusselsDay(item.registeredAt),
    registeredMs: wall(item.registeredAt),
    receivedDay: brusselsDay(item.receivedAt),
    missingDay: item.status === 'missing' ? brusselsDay(f.missingAt) : null,
    testedDay: brusselsDay(f.firstTestedAt),
    benchDay: brusselsDay(f.firstBenchAt),
    pricedDay: brusselsDay(f.firstPricedAt),
    pricedMs: wall(f.firstPricedAt),
    repairs: f.repairs.map((r) => ({ day: brusselsDay(r.at), minutes: r.minutes })),
    sale: item.sale && {
      day: brusselsDay(item.sale.at),
      ms: wall(item.sale.at) ?? Number.NaN,
      ct: cents(item.sale.priceEur),
    },
    rejection: item.rejection && {
      day: brusselsDay(item.rejection.at),
      reason: item.rejection.reason,
      destination: item.rejection.destination,
    },
  };
}

/** The figure lines of folded items (voided items left out). */
export function figureLines(items: readonly FigureItem[]): FigureLine[] {
  const lines: FigureLine[] = [];
  for (const item of items) {
    const line = figureLine(item);
    if (line) lines.push(line);
  }
  return lines;
}

/**
 * Whether a line (or an item's keys) belongs to the filter's site and category (dates are each
 * figure's own rule). A site is a park or a shop, so "registered at it or handled by it" is never
 * ambiguous.
 */
export function lineMatches(
  line: Pick<FigureLine, 'site' | 'shopSite' | 'category'>,
  filter: FigureFilter,
): boolean {
  if (filter.category !== undefined && line.category !== filter.category) return false;
  return filter.site === undefined || line.site === filter.site || line.shopSite === filter.site;
}
