// The coordinator's pilot figures (laptop first, fine on a tablet): a period, a site and a
// category; the figures, charts with their tables, the method with its sources, the exports and
// a printable report. Everything is computed here from local data by the domain's functions.
import { useMemo, useState } from 'react';
import { computeFigures, METHOD, SOURCES } from '../../domain';
import { useT } from '../../i18n/i18n';
import { localDay, useFigureLines } from '../../storage';
import { useSiteName } from '../setup/names';
import { useSession } from '../setup/session';
import { useCommand } from '../useCommand';
import { download, EXPORT_STEPS, type ExportKind, type ExportStep } from './downloads';
import { FigureCharts } from './FigureCharts';
import { FigureFilters } from './FigureFilters';
import { FigureSummary } from './FigureSummary';
import { filterOf, periodRange, recentPeriods, type Period } from './periods';

const EXPORTS: readonly ExportKind[] = ['xlsx', 'csv', 'ords', 'trace'];

function thisMonth(): Period {
  const today = localDay(Date.now());
  const value = recentPeriods('month', today, 1)[0] ?? today.slice(0, 7);
  const range = periodRange('month', value) ?? { from: today, to: today };
  return { kind: 'month', value, ...range };
}

/** The figures screen. */
export function FiguresScreen() {
  const tr = useT();
  const { t, lang } = tr;
  const { profile } = useSession();
  const siteName = useSiteName();
  const run = useCommand();
  const lines = useFigureLines();
  const [period, setPeriod] = useState<Period>(thisMonth);
  const [site, setSite] = useState('');
  const [category, setCategory] = useState<number | null>(null);
  const filter = useMemo(() => filterOf(period, site, category), [period, site, category]);
  const figures = useMemo(() => (lines ? computeFigures(lines, filter) : null), [lines, filter]);
  // The export being made and its step; the buttons wait until it is done or has failed.
  const [busy, setBusy] = useState<{ kind: ExportKind; step: ExportStep } | null>(null);
  const exportNow = (kind: ExportKind) => {
    setBusy({ kind, step: 'read' });
    const context = { filter, lang, siteName, provider: profile.tenantName };
    const make = async () => {
      try {
        await download(kind, context, (step) => {
          setBusy({ kind, step });
        });
      } catch (error) {
        // The person reads the Dutch message; whoever helps them finds the reason here.
        console.error(`export ${kind} failed`, error);
        throw error;
      }
    };
    void run(make, 'figures.export.failed').finally(() => {
      setBusy(null);
    });
  };
  const steps = busy ? EXPORT_STEPS[busy.kind] : [];
  return (
    <div className="figures">
      <h1>{t('figures.title')}</h1>
      <p className="print-only">
        {profile.tenantName} · {tr.date(Date.parse(`${filter.from}T12:00:00Z`))} –{' '}
        {tr.date(Date.parse(`${filter.to}T12:00:00Z`))}
        {site && ` · ${siteName(site)}`}
      </p>
      <FigureFilters
        period={period}
        onPeriod={setPeriod}
        site={site}
        onSite={setSite}
        category={category}
        onCategory={setCategory}
      />
      {figures === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <FigureSummary figures={figures} />
          <FigureCharts figures={figures} />
        </>
      )}
      <section className="panel no-print" aria-labelledby="exports-title">
        <h2 id="exports-title">{t('figures.exports')}</h2>
        <p className="hint">{t('figures.exports.help')}</p>
        <div className="form-actions">
          {EXPORTS.map((kind) => (
            <button
              key={kind}
              type="button"
              className="btn btn-secondary"
              disabled={busy !== null}
              onClick={() => {
                exportNow(kind);
              }}
            >
              ⬇️ {t(`figures.export.${kind}`)}
            </button>
          ))}
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              window.print();
            }}
          >
            🖨️ {t('figures.print')}
          </button>
        </div>
        {/* Always in the page, so a screen reader announces what appears in it. */}
        <p role="status" className="hint export-status">
          {busy &&
            `${t('figures.export.busy')} ${t('figures.export.progress', {
              n: steps.indexOf(busy.step) + 1,
              total: steps.length,
              step: t(`figures.export.step.${busy.step}`),
            })}`}
        </p>
      </section>
      <section className="method" aria-labelledby="method-title">
        <h2 id="method-title">{METHOD[lang].title}</h2>
        {METHOD[lang].paragraphs.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <ul>
          {SOURCES.map((source) => (
            <li key={source.url}>
              {source.what[lang]}: {source.citation},{' '}
              <a href={source.url} rel="noreferrer">
                {source.url}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
