// The three charts of the figures screen: the monthly trend per park, the funnel and the
// outcomes by category, each with its table.
import { categoryById, type Figures } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useSiteName } from '../setup/names';
import { BarChart, type ChartRow, type ChartSeries } from './BarChart';

const TONES = ['a', 'b', 'c'] as const;
/** The chart shows the busiest categories; its table lists every one. */
const CATEGORY_BARS = 12;

/** Charts of the period's figures. */
export function FigureCharts({ figures: f }: { figures: Figures }) {
  const tr = useT();
  const { t, lang } = tr;
  const siteName = useSiteName();
  const count = (n: number) => tr.number(n, 0);

  const parks = [...new Set(f.monthly.map((m) => m.park ?? ''))];
  const parkSeries: ChartSeries[] = parks.map((park, i) => ({
    key: park,
    label: park ? siteName(park) : t('figures.no-park'),
    tone: TONES[i % TONES.length] ?? 'a',
  }));
  const months = [...new Set(f.monthly.map((m) => m.month))].sort();
  const trend: ChartRow[] = months.map((month) => ({
    label: tr.monthName(month),
    values: Object.fromEntries(
      f.monthly.filter((m) => m.month === month).map((m) => [m.park ?? '', m.registered.count]),
    ),
  }));

  const funnel: ChartRow[] = (['registered', 'received', 'forSale', 'sold'] as const).map(
    (stage) => ({ label: t(`figures.funnel.${stage}`), values: { n: f.funnel[stage] } }),
  );

  const byCategory: ChartRow[] = f.byCategory
    .filter((c) => c.registered.count + c.sold.count + c.rejected.count > 0)
    .sort((a, b) => b.registered.count + b.sold.count - (a.registered.count + a.sold.count))
    .map((c) => ({
      label: c.category === null ? '—' : (categoryById(c.category)?.name[lang] ?? '—'),
      values: { registered: c.registered.count, sold: c.sold.count, rejected: c.rejected.count },
    }));

  return (
    <section className="charts" aria-labelledby="charts-title">
      <h2 id="charts-title">{t('figures.charts')}</h2>
      <BarChart
        title={t('figures.chart.trend')}
        series={parkSeries}
        rows={trend}
        format={count}
        rowHeader={t('figures.month')}
      />
      <BarChart
        title={t('figures.chart.funnel')}
        series={[{ key: 'n', label: t('figures.count'), tone: 'a' }]}
        rows={funnel}
        format={count}
        rowHeader={t('figures.stage')}
      />
      <BarChart
        title={t('figures.chart.categories', { n: CATEGORY_BARS })}
        series={[
          { key: 'registered', label: t('figures.registered'), tone: 'a' },
          { key: 'sold', label: t('figures.sold'), tone: 'b' },
          { key: 'rejected', label: t('figures.rejected'), tone: 'c' },
        ]}
        rows={byCategory}
        chartRows={CATEGORY_BARS}
        format={count}
        rowHeader={t('form.category')}
      />
    </section>
  );
}
