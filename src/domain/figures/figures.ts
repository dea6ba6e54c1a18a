// The coordinator's pilot figures over figure lines (figureLine.ts: one per folded item): pure, so
// the app (offline, from local data) and the server compute the same numbers from the same events.
import { lineMatches } from './figureLine';
import type { FigureLine } from './figureLine';
import type { Amount, RejectionDestination, Figures, RejectionReason, Sales } from './figureTypes';
import { dayInPeriod, elapsedDays, median } from './period';
import type { FigureFilter } from './period';

const REASONS: readonly RejectionReason[] = [1, 2, 3, 4, 5, 6, 'unsafe', 'incomplete', 'no-demand'];
const DESTINATIONS: readonly RejectionDestination[] = ['recycling', 'parts'];

// Sums in whole grams and cents; turned into kg and € once, at the end.
interface Tally {
  count: number;
  g: number;
  ct: number;
}
const tally = (): Tally => ({ count: 0, g: 0, ct: 0 });
const add = (t: Tally, g: number, ct = 0) => {
  t.count += 1;
  t.g += g;
  t.ct += ct;
};
const amount = (t: Tally): Amount => ({ count: t.count, kg: t.g / 1000 });
const sales = (t: Tally): Sales => ({ ...amount(t), revenueEur: t.ct / 100 });
const monthOfDay = (day: string | null) => day?.slice(0, 7) ?? '';
// Plain code-unit order: the same on every device, unlike a locale's collation.
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

/** The pilot figures of the items (as figure lines) matching the filter, each dated by its own
 * event (see Figures). Reads each line once and keeps none: a reader may refill one object. */
export function computeFigures(lines: Iterable<FigureLine>, filter: FigureFilter): Figures {
  const t = {
    registered: tally(),
    received: tally(),
    missing: tally(),
    tested: tally(),
    workshop: tally(),
    repaired: tally(),
    forSale: tally(),
    onShelf: tally(),
    sold: tally(),
    rejected: tally(),
  };
  const reasons = new Map<RejectionReason, Tally>(REASONS.map((r) => [r, tally()]));
  const destinations = new Map<RejectionDestination, Tally>(DESTINATIONS.map((d) => [d, tally()]));
  const months = new Map<string, { park: string | null; month: string; reg: Tally; sold: Tally }>();
  const categories = new Map<number | null, { reg: Tally; sold: Tally; rej: Tally; co2: number }>();
  const funnel = { registered: 0, received: 0, forSale: 0, sold: 0 };
  const toShelf: number[] = [];
  const toSale: number[] = [];
  let labour = 0;
  let co2 = 0;
  let workshopRepaired = 0;
  const monthOf = (park: string | null, m: string) => {
    const key = `${park ?? ''}\u0000${m}`;
    let row = months.get(key);
    if (!row) months.set(key, (row = { park, month: m, reg: tally(), sold: tally() }));
    return row;
  };
  const categoryOf = (id: number | null) => {
    let row = categories.get(id);
    if (!row) categories.set(id, (row = { reg: tally(), sold: tally(), rej: tally(), co2: 0 }));
    return row;
  };

  const inRange = (day: string | null) => dayInPeriod(day, filter);

  for (const line of lines) {
    if (!lineMatches(line, filter)) continue;
    const g = line.g;
    if (inRange(line.registeredDay)) {
      add(t.registered, g);
      add(monthOf(line.site, monthOfDay(line.registeredDay)).reg, g);
      add(categoryOf(line.category).reg, g);
      funnel.registered += 1;
      if (line.receivedDay !== null) funnel.received += 1;
      if (line.pricedDay !== null) funnel.forSale += 1;
      if (line.sale !== null) funnel.sold += 1;
    }
    if (inRange(line.receivedDay)) add(t.received, g);
    if (line.missing && inRange(line.missingDay)) add(t.missing, g);
    if (inRange(line.testedDay)) add(t.tested, g);
    if (inRange(line.benchDay)) {
      add(t.workshop, g);
      if (line.repairs.length > 0) workshopRepaired += 1;
    }
    if (inRange(line.repairs[0]?.day ?? null)) add(t.repaired, g);
    for (const repair of line.repairs) if (inRange(repair.day)) labour += repair.minutes;
    if (inRange(line.pricedDay)) {
      add(t.forSale, g);
      if (line.onShelf) add(t.onShelf, g);
      const days = elapsedDays(line.registeredMs, line.pricedMs);
      if (days !== null) toShelf.push(days);
    }
    const sale = line.sale;
    if (sale && inRange(sale.day)) {
      add(t.sold, g, sale.ct);
      add(monthOf(line.site, monthOfDay(sale.day)).sold, g, sale.ct);
      const cat = categoryOf(line.category);
      add(cat.sold, g, sale.ct);
      cat.co2 += line.co2g;
      co2 += line.co2g;
      const days = elapsedDays(line.registeredMs, sale.ms);
      if (days !== null) toSale.push(days);
    }
    const rejection = line.rejection;
    if (rejection && inRange(rejection.day)) {
      add(t.rejected, g);
      const reason = reasons.get(rejection.reason);
      if (reason) add(reason, g);
      const destination = destinations.get(rejection.destination);
      if (destination) add(destination, g);
      add(categoryOf(line.category).rej, g);
    }
  }

  return {
    filter,
    registered: amount(t.registered),
    received: amount(t.received),
    missing: amount(t.missing),
    tested: amount(t.tested),
    workshop: amount(t.workshop),
    repaired: amount(t.repaired),
    forSale: amount(t.forSale),
    onShelf: amount(t.onShelf),
    sold: sales(t.sold),
    rejected: amount(t.rejected),
    rejectedByReason: REASONS.flatMap((reason) => {
      const r = reasons.get(reason);
      return r && r.count > 0 ? [{ reason, ...amount(r) }] : [];
    }),
    rejectedByDestination: DESTINATIONS.flatMap((destination) => {
      const d = destinations.get(destination);
      return d && d.count > 0 ? [{ destination, ...amount(d) }] : [];
    }),
    labourMinutes: labour,
    co2eAvoidedKg: co2 / 1000,
    wasteAvoidedKg: t.sold.g / 1000,
    reuseRate: ratio(t.sold.g, t.registered.g),
    repairRate: ratio(workshopRepaired, t.workshop.count),
    medianDaysParkToShelf: median(toShelf),
    medianDaysParkToSale: median(toSale),
    funnel,
    monthly: [...months.values()]
      .sort((a, b) => order(a.park ?? '', b.park ?? '') || order(a.month, b.month))
      .map((r) => ({
        park: r.park,
        month: r.month,
        registered: amount(r.reg),
        sold: sales(r.sold),
      })),
    byCategory: [...categories.entries()]
      .sort(([a], [b]) => (a ?? 99) - (b ?? 99))
      .map(([category, r]) => ({
        category,
        registered: amount(r.reg),
        sold: sales(r.sold),
        rejected: amount(r.rej),
        co2eAvoidedKg: r.co2 / 1000,
      })),
  };
}
