// The periods a coordinator reports on — a month, a quarter, a year or any days — as the
// from/to days of the figures' filter. Pure; "today" is passed in.
import type { FigureFilter } from '../../domain';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** `YYYY-MM` (month), `YYYY-Qn` (quarter), `YYYY` (year); unused for custom. */
  value: string;
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The from/to days of a period; null when the value is not one. */
export function periodRange(
  kind: Exclude<PeriodKind, 'custom'>,
  value: string,
): { from: string; to: string } | null {
  if (kind === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(value);
    const [year, month] = [Number(m?.[1]), Number(m?.[2])];
    if (!m || month < 1 || month > 12) return null;
    return {
      from: `${year}-${pad(month)}-01`,
      to: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
    };
  }
  if (kind === 'quarter') {
    const m = /^(\d{4})-Q([1-4])$/.exec(value);
    if (!m) return null;
    const [year, q] = [Number(m[1]), Number(m[2])];
    const last = q * 3;
    return {
      from: `${year}-${pad(last - 2)}-01`,
      to: `${year}-${pad(last)}-${pad(lastDay(year, last))}`,
    };
  }
  return /^\d{4}$/.test(value) ? { from: `${value}-01-01`, to: `${value}-12-31` } : null;
}

/** The last `count` values of a kind before and including the one holding `today` (newest first). */
export function recentPeriods(
  kind: Exclude<PeriodKind, 'custom'>,
  today: string,
  count: number,
): string[] {
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return Array.from({ length: count }, (_, i) => {
    if (kind === 'year') return String(year - i);
    if (kind === 'quarter') {
      const index = year * 4 + Math.floor((month - 1) / 3) - i;
      return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
    }
    const index = year * 12 + (month - 1) - i;
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
  });
}

/** The filter for a period and the chosen site and category. */
export function filterOf(period: Period, site: string, category: number | null): FigureFilter {
  return {
    from: period.from,
    to: period.to,
    ...(site ? { site } : {}),
    ...(category === null ? {} : { category }),
  };
}
