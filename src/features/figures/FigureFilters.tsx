// The figures' filters: the period (month, quarter, year or any days), the site (a park or a
// shop of the region) and the category; over several regions, a region in place of the site
// (a site belongs to one region).
import { useId, useState } from 'react';
import { CATEGORIES } from '../../domain';
import { useT } from '../../i18n/i18n';
import { localDay } from '../../storage';
import type { Region } from '../setup/deviceProfile';
import { useSession } from '../setup/session';
import { periodRange, recentPeriods, type Period, type PeriodKind } from './periods';

const RECENT = { month: 24, quarter: 8, year: 4 } as const;
const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

interface Props {
  period: Period;
  onPeriod: (period: Period) => void;
  site: string;
  onSite: (site: string) => void;
  category: number | null;
  onCategory: (category: number | null) => void;
  /** Over regions: the person's regions and the one chosen ('' for all), shown instead of the
   * site. */
  regions?: { list: readonly Region[]; value: string; onChange: (region: string) => void };
  /** Only repair cafés' figures are shown (an organiser, or a café chosen): no category. */
  cafeOnly?: boolean;
  /** A café organiser: the site filter lists the cafés only, and says so. */
  cafesOnly?: boolean;
}

/** The filter bar. */
export function FigureFilters({
  period,
  onPeriod,
  site,
  onSite,
  category,
  onCategory,
  regions,
  cafeOnly = false,
  cafesOnly = false,
}: Props) {
  const tr = useT();
  const { t, lang } = tr;
  const { profile } = useSession();
  const ids = {
    kind: useId(),
    value: useId(),
    from: useId(),
    to: useId(),
    site: useId(),
    region: useId(),
    cat: useId(),
  };
  const [today] = useState(() => localDay(Date.now()));
  const kindOf = profile.directory?.kinds ?? {};
  const sites = tr.sortBy(
    Object.entries(profile.directory?.sites ?? {}).filter(
      ([id]) => !cafesOnly || kindOf[id] === 'cafe',
    ),
    ([, name]) => name,
  );
  // In the reader's alphabet: "Électroménager" among the E's in French.
  const categories = tr.sortBy(CATEGORIES, (c) => c.name[lang]);
  const kinds = profile.directory?.kinds ?? {};
  const pick = (kind: PeriodKind, value: string) => {
    if (kind === 'custom') {
      onPeriod({ kind, value: '', from: period.from, to: period.to });
      return;
    }
    const range = periodRange(kind, value);
    if (range) onPeriod({ kind, value, ...range });
  };
  const label = (kind: PeriodKind, value: string) => {
    if (kind === 'month') return tr.monthName(value);
    return value.replace('-Q', ` ${t('figures.quarter.short')}`);
  };
  return (
    <form
      className="filters panel no-print"
      onSubmit={(e) => {
        e.preventDefault();
      }}
    >
      <div className="field">
        <label htmlFor={ids.kind}>{t('figures.period')}</label>
        <select
          id={ids.kind}
          value={period.kind}
          onChange={(e) => {
            const kind = e.target.value as PeriodKind;
            pick(kind, kind === 'custom' ? '' : (recentPeriods(kind, today, 1)[0] ?? ''));
          }}
        >
          {KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`figures.period.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      {period.kind === 'custom' ? (
        <>
          <div className="field">
            <label htmlFor={ids.from}>{t('figures.from')}</label>
            <input
              id={ids.from}
              type="date"
              value={period.from}
              max={period.to}
              onChange={(e) => {
                if (e.target.value) onPeriod({ ...period, from: e.target.value });
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.to}>{t('figures.to')}</label>
            <input
              id={ids.to}
              type="date"
              value={period.to}
              min={period.from}
              onChange={(e) => {
                if (e.target.value) onPeriod({ ...period, to: e.target.value });
              }}
            />
          </div>
        </>
      ) : (
        <div className="field">
          <label htmlFor={ids.value}>{t(`figures.period.which.${period.kind}`)}</label>
          <select
            id={ids.value}
            value={period.value}
            onChange={(e) => {
              pick(period.kind, e.target.value);
            }}
          >
            {recentPeriods(period.kind, today, RECENT[period.kind]).map((value) => (
              <option key={value} value={value}>
                {label(period.kind, value)}
              </option>
            ))}
          </select>
        </div>
      )}
      {regions ? (
        <div className="field">
          <label htmlFor={ids.region}>{t('figures.region')}</label>
          <select
            id={ids.region}
            value={regions.value}
            onChange={(e) => {
              regions.onChange(e.target.value);
            }}
          >
            <option value="">{t('figures.region.all')}</option>
            {regions.list.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="field">
          <label htmlFor={ids.site}>{t(cafesOnly ? 'cafe.office.cafe' : 'figures.site')}</label>
          <select
            id={ids.site}
            value={site}
            onChange={(e) => {
              onSite(e.target.value);
            }}
          >
            <option value="">{t(cafesOnly ? 'cafe.office.cafe.all' : 'figures.site.all')}</option>
            {sites.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
                {kinds[id]
                  ? ` (${t(`figures.kind.${kinds[id] === 'shop' || kinds[id] === 'cafe' ? kinds[id] : 'park'}`)})`
                  : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      {!cafeOnly && (
        <div className="field">
          <label htmlFor={ids.cat}>{t('form.category')}</label>
          <select
            id={ids.cat}
            value={category ?? ''}
            onChange={(e) => {
              onCategory(e.target.value === '' ? null : Number(e.target.value));
            }}
          >
            <option value="">{t('work.filter.all')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name[lang]}
              </option>
            ))}
          </select>
        </div>
      )}
    </form>
  );
}
