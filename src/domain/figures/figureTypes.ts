// The shapes of the pilot figures and, in Figures' doc, which event dates each figure.
import type { EventDataMap } from '../events';
import type { FigureFilter } from './period';

export type RejectionReason = EventDataMap['item.rejected']['reason'];
export type RejectionDestination = EventDataMap['item.rejected']['destination'];

export interface Amount {
  count: number;
  kg: number;
}
export interface Sales extends Amount {
  revenueEur: number;
}
export interface MonthRow {
  /** Park of origin (null: the item was never registered at a park). */
  park: string | null;
  /** `YYYY-MM`, Brussels time of the event counted. */
  month: string;
  registered: Amount;
  sold: Sales;
}
export interface CategoryOutcome {
  category: number | null;
  registered: Amount;
  sold: Sales;
  rejected: Amount;
  co2eAvoidedKg: number;
}

/**
 * Each figure puts an item in the period by the date (Brussels day) of one event:
 *
 * | figure                          | date                                                      |
 * | ------------------------------- | --------------------------------------------------------- |
 * | registered, funnel, monthly reg.| registration (`registeredAt`, the current life)           |
 * | received                        | first item.received                                       |
 * | missing                         | unpacking of the item's cage trip (status now `missing`)  |
 * | tested                          | first safety or function test                             |
 * | workshop, repair rate           | first workshop event (inspect, test, repair, wipe, price, reject) |
 * | repaired                        | first item.repaired                                       |
 * | labour minutes                  | each item.repaired (its own minutes)                      |
 * | for sale, on shelf, park→shelf  | first item.priced                                         |
 * | sold, revenue, CO2e, waste, reuse kg, park→sale, monthly sold | the sale in force (`sale.at`) |
 * | rejected by reason/destination  | the rejection in force (`rejection.at`)                   |
 *
 * Every count, kg, €, minute and CO2e figure is additive: the figures of two disjoint item sets
 * sum to those of their union. Rates and medians are not. Voided items count nowhere.
 */
export interface Figures {
  filter: FigureFilter;
  registered: Amount;
  received: Amount;
  missing: Amount;
  tested: Amount;
  /** Items that reached the workshop. */
  workshop: Amount;
  repaired: Amount;
  /** Put on sale (first priced) in the period; `onShelf`: of those, still for sale now. */
  forSale: Amount;
  onShelf: Amount;
  sold: Sales;
  rejected: Amount;
  rejectedByReason: ({ reason: RejectionReason } & Amount)[];
  rejectedByDestination: ({ destination: RejectionDestination } & Amount)[];
  labourMinutes: number;
  co2eAvoidedKg: number;
  /** kg kept out of the waste stream: the weight of the items sold. */
  wasteAvoidedKg: number;
  /** kg sold ÷ kg registered in the period (OVAM counts reuse as kg sold); may pass 1 when earlier stock sells. */
  reuseRate: number | null;
  /** Of the items that reached the workshop in the period, the share with at least one repair. */
  repairRate: number | null;
  medianDaysParkToShelf: number | null;
  medianDaysParkToSale: number | null;
  /** Of the items registered in the period, how many reached each stage by now (a cohort). */
  funnel: { registered: number; received: number; forSale: number; sold: number };
  monthly: MonthRow[];
  byCategory: CategoryOutcome[];
}
