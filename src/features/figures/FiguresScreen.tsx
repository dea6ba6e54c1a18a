// The coordinator's pilot figures (laptop first, fine on a tablet): a period, a site and a
// category; the figures, charts with their tables, the method with its sources, the exports and
// a printable report. Everything is computed here from local data by the domain's functions.
// A person of several regions (a hub) can also see all their regions together: those figures
// and files come from the server, online only (RegionFigures.tsx).
import { useMemo, useState } from 'react';
import { computeFigures, methodText, SOURCES } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { localDay, useFigureLines } from '../../storage';
import { useSyncStatus } from '../../sync/status';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { useSiteName } from '../setup/names';
import { useSession } from '../setup/session';
import { useAllVisits, useSessions } from '../cafeOffice/cafeData';
import { CafeFiguresSection } from '../cafeOffice/CafeFiguresSection';
import { useCommand } from '../useCommand';
import {
  download,
  downloadFromServer,
  EXPORT_STEPS,
  SERVER_EXPORT_STEPS,
  serverProblem,
  type ExportKind,
  type ExportStep,
} from './downloads';
import { FigureCharts } from './FigureCharts';
import { FigureFilters } from './FigureFilters';
import { FigureSummary } from './FigureSummary';
import { filterOf, periodRange, recentPeriods, type Period } from './periods';
import { RegionFigures } from './RegionFigures';
import { FirstSyncNotice, useFirstSyncDone } from '../sync/PullProgress';

const EXPORTS: readonly ExportKind[] = ['xlsx', 'csv', 'ords', 'trace'];

/** This browser's region (local, offline too), or every region of the person (the server's). */
type Scope = 'here' | 'all';

function thisMonth(): Period {
  const today = localDay(Date.now());
  const value = recentPeriods('month', today, 1)[0] ?? today.slice(0, 7);
  const range = periodRange('month', value) ?? { from: today, to: today };
  return { kind: 'month', value, ...range };
}

/** A CSS string: the text in quotes, backslashes and quotes escaped. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The print footer: `title` at the left, `page` ("Pagina {page} van {pages}") at the right with
 * the browser's page counters in place of its two placeholders (@page margin boxes, which
 * Chromium prints since version 131). */
export function printFooter(title: string, page: string): string {
  const counters = page
    .split(/(\{page\}|\{pages\})/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
  return `@media print {
  @page {
    margin: 14mm 12mm 16mm;
    @bottom-left { content: ${cssString(title)}; font: 8pt sans-serif; color: #555; }
    @bottom-right { content: ${counters}; font: 8pt sans-serif; color: #555; }
  }
}`;
}

/** The figures screen. */
export function FiguresScreen() {
  const tr = useT();
  const { t, lang } = tr;
  const { profile, person } = useSession();
  const siteName = useSiteName();
  // A café organiser sees the cafés' figures only; a café chosen in the filter shows its own.
  const kinds = profile.directory?.kinds ?? {};
  const hasCafes = Object.values(kinds).includes('cafe');
  const organiser = person.role === 'organiser';
  const run = useCommand();
  const online = useSyncStatus((s) => s.online);
  const regions = profile.regions ?? [];
  const [scope, setScope] = useState<Scope>('here');
  // The region chosen over regions ('' for all of them).
  const [region, setRegion] = useState('');
  const overRegions = regions.length > 1 && scope === 'all' && !organiser;
  const [period, setPeriod] = useState<Period>(thisMonth);
  const [site, setSite] = useState('');
  const [category, setCategory] = useState<number | null>(null);
  // A site belongs to one region: over regions the filter has none.
  const filter = useMemo(
    () => filterOf(period, overRegions ? '' : site, category),
    [period, site, category, overRegions],
  );
  const cafeOnly = organiser || kinds[site] === 'cafe';
  const cafeVisits = useAllVisits();
  const cafeSessions = useSessions();
  const lines = useFigureLines();
  const figures = useMemo(
    () => (lines && !overRegions ? computeFigures(lines, filter) : null),
    [lines, filter, overRegions],
  );
  // The export being made and its step; the buttons wait until it is done or has failed.
  const [busy, setBusy] = useState<{ kind: ExportKind; step: ExportStep; server: boolean } | null>(
    null,
  );
  const [exportError, setExportError] = useState<MessageKey | null>(null);
  const exportNow = (kind: ExportKind) => {
    setExportError(null);
    if (overRegions) {
      setBusy({ kind, step: 'server', server: true });
      const context = { token: profile.token, filter, lang, region: region || null };
      void downloadFromServer(kind, context, (step) => {
        setBusy({ kind, step, server: true });
      })
        .catch((error: unknown) => {
          console.error(`export ${kind} over regions failed`, error);
          setExportError(serverProblem(error, 'export'));
        })
        .finally(() => {
          setBusy(null);
        });
      return;
    }
    setBusy({ kind, step: 'read', server: false });
    const directory = profile.directory;
    const context = {
      filter,
      lang,
      siteName,
      provider: profile.tenantName,
      personName: (id: string) =>
        directory?.people[id] ?? profile.roster.find((p) => p.id === id)?.name,
      // Only from a directory that has the devices: without it, ids are written.
      ...(directory?.devices ? { deviceName: (id: string) => directory.devices?.[id] } : {}),
    };
    const make = async () => {
      try {
        const cafe = hasCafes ? { visits: cafeVisits ?? [], sessions: cafeSessions ?? [] } : null;
        await download(kind, { ...context, cafe }, (step) => {
          setBusy({ kind, step, server: false });
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
  const steps = busy ? (busy.server ? SERVER_EXPORT_STEPS : EXPORT_STEPS[busy.kind]) : [];
  const method = useMemo(() => methodText(lang), [lang]);
  const periodText = `${tr.date(Date.parse(`${filter.from}T12:00:00Z`))} – ${tr.date(
    Date.parse(`${filter.to}T12:00:00Z`),
  )}`;
  const shownRegions = overRegions
    ? regions.filter((r) => region === '' || r.id === region).map((r) => r.name)
    : [profile.tenantName];
  // Before the first sync, this device's figures are those of what has come in so far.
  const partial = useFirstSyncDone() === false && !overRegions;
  return (
    <div className={`figures${partial ? ' figures-partial' : ''}`}>
      {/* The printed report's page footer: what it is, and "Pagina 2 van 5". Only while this
          screen is shown: a label sheet prints edge to edge. */}
      <style>
        {printFooter(
          `${t('figures.title')} · ${shownRegions.join(', ')} · ${periodText}`,
          t('figures.print.page'),
        )}
      </style>
      <h1>{t(organiser ? 'cafe.office.figures.title' : 'figures.title')}</h1>
      {!overRegions && <FirstSyncNotice />}
      <p className="print-only">
        {shownRegions.join(', ')} · {periodText}
        {site && ` · ${siteName(site)}`}
      </p>
      {regions.length > 1 && !organiser && (
        <div className="no-print">
          <ChoiceGroup
            legend={t('figures.scope')}
            value={scope}
            options={[
              { value: 'here', label: t('figures.scope.here', { name: profile.tenantName }) },
              { value: 'all', label: t('figures.scope.all') },
            ]}
            onChange={setScope}
          />
        </div>
      )}
      <FigureFilters
        period={period}
        onPeriod={setPeriod}
        site={site}
        onSite={setSite}
        category={category}
        onCategory={setCategory}
        cafeOnly={cafeOnly}
        cafesOnly={organiser}
        {...(overRegions ? { regions: { list: regions, value: region, onChange: setRegion } } : {})}
      />
      {cafeOnly ? null : overRegions ? (
        <RegionFigures filter={filter} region={region || null} />
      ) : figures === null ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <FigureSummary figures={figures} />
          <FigureCharts figures={figures} />
        </>
      )}
      {!cafeOnly && (
        <section className="panel no-print" aria-labelledby="exports-title">
          <h2 id="exports-title">{t('figures.exports')}</h2>
          <p className="hint">
            {t(overRegions ? 'figures.exports.help.regions' : 'figures.exports.help')}
          </p>
          <div className="form-actions">
            {EXPORTS.map((kind) => (
              <button
                key={kind}
                type="button"
                className="btn btn-secondary"
                disabled={busy !== null || (overRegions && online === false)}
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
          {exportError && (
            <p className="message message-error" role="alert">
              {t(exportError)}
            </p>
          )}
        </section>
      )}
      {!cafeOnly && (
        <section className="method" aria-labelledby="method-title">
          <h2 id="method-title">{method.title}</h2>
          {method.paragraphs.map((line) => (
            <p key={line}>{line}</p>
          ))}
          <ul>
            {SOURCES.map((source) => (
              <li key={source.url}>
                {source.what[lang]}: {source.citation[lang]},{' '}
                <a href={source.url} rel="noreferrer">
                  {source.url}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {(cafeOnly || (hasCafes && !overRegions)) && (
        <CafeFiguresSection
          from={filter.from}
          to={filter.to}
          site={kinds[site] === 'cafe' ? site : ''}
          withPilot={!organiser}
          heading={!organiser}
        />
      )}
    </div>
  );
}
