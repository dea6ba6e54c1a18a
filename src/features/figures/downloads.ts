// The coordinator's exports, made on this device from local data with the same domain code the
// server uses, and handed to the browser as a download. The workbook is made in a worker of its
// own, loaded only when asked for; the CSV files here, between a paint of each step. Over several
// regions (a hub) the files are the server's, fetched with the person's token: this device holds
// one region's data only.
import {
  itemsCsv,
  toOrdsCsv,
  traceabilityCsv,
  type FigureFilter,
  type FigureItem,
  type Lang,
  type SessionState,
  type VisitState,
} from '../../domain';
import type { MessageKey } from '../../i18n/nl';
import { allEvents, allItems } from '../../storage';
import { ApiError, createApi } from '../../sync/api';
import { figuresApi, type ServerExportFile } from '../../sync/figuresApi';
// Types only: the workbook's code (and write-excel-file) stays in the worker's own chunk.
import type { XlsxReply, XlsxRequest, XlsxStep } from './xlsxBuild';

export type ExportKind = 'xlsx' | 'csv' | 'ords' | 'trace';

interface Context {
  filter: FigureFilter;
  lang: Lang;
  siteName: (id: string) => string;
  /** Who publishes the ORDS data (the region). */
  provider: string;
  /** The traceability table's names of people and devices (undefined: unknown, the id is kept). */
  personName?: (id: string) => string | undefined;
  deviceName?: (id: string) => string | undefined;
  /** A region with repair cafés: their visits and sessions, for the workbook's café sheets. */
  cafe?: { visits: readonly VisitState[]; sessions: readonly SessionState[] } | null;
}

/** Hands a file to the browser as a download named `name`. */
export function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy by the next task.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

// A file's name in the reader's language, in plain letters (a name travels through mail and
// file systems that mangle accents). ORDS is the standard's own name.
const FILE_WORDS: Record<Lang, Record<ExportKind | 'regions', string>> = {
  nl: {
    xlsx: 'cijfers',
    csv: 'toestellen',
    ords: 'ords',
    trace: 'traceerbaarheid',
    regions: 'regios',
  },
  fr: {
    xlsx: 'chiffres',
    csv: 'appareils',
    ords: 'ords',
    trace: 'tracabilite',
    regions: 'regions',
  },
  en: {
    xlsx: 'figures',
    csv: 'appliances',
    ords: 'ords',
    trace: 'traceability',
    regions: 'regions',
  },
};

/** The file name for an export of a period, e.g. `bewaar-toestellen-2026-11-01-2026-11-30.csv`
 * in Dutch, `bewaar-chiffres-2026-11-01-2026-11-30.xlsx` in French. */
export function exportName(kind: ExportKind, filter: FigureFilter, lang: Lang = 'nl'): string {
  const ext = kind === 'xlsx' ? 'xlsx' : 'csv';
  return `bewaar-${FILE_WORDS[lang][kind]}-${filter.from}-${filter.to}.${ext}`;
}

/** What an export is busy with, in order: reading this device's data, building the table,
 * and for the workbook writing and zipping the file; or, for a file of the server's, the server
 * making it and then the file coming in. */
export type ExportStep = 'read' | XlsxStep | 'server' | 'receive';

export const EXPORT_STEPS: Record<ExportKind, readonly ExportStep[]> = {
  xlsx: ['read', 'build', 'pack'],
  csv: ['read', 'build'],
  ords: ['read', 'build'],
  trace: ['read', 'build'],
};

/** The steps of any file the server makes. */
export const SERVER_EXPORT_STEPS: readonly ExportStep[] = ['server', 'receive'];

/** Lets the screen paint the step just announced before this thread works on: after the next
 * frame, or after 100 ms where frames do not come (a tab in the background). */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      setTimeout(resolve, 0);
    });
    setTimeout(resolve, 100);
  });
}

/** The names of the sites the items name (park and shop), for the worker, which cannot be handed
 * a function. */
function siteNamesOf(
  items: readonly FigureItem[],
  siteName: (id: string) => string,
): Record<string, string> {
  const names: Record<string, string> = {};
  for (const item of items) {
    for (const id of [item.site, item.facts.shopSite]) if (id !== null) names[id] ??= siteName(id);
  }
  return names;
}

/** The workbook, built in the export's own worker (see xlsx.worker.ts and fflateSyncZip.ts). */
function xlsxInWorker(request: XlsxRequest, onStep: (step: XlsxStep) => void): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./xlsx.worker.ts', import.meta.url), {
      type: 'module',
      name: 'bewaar-xlsx',
    });
    const fail = (why: string) => {
      worker.terminate();
      reject(new Error(`XLSX: ${why}`));
    };
    worker.addEventListener('message', (event: MessageEvent<XlsxReply>) => {
      const message = event.data;
      if ('step' in message) {
        onStep(message.step);
        return;
      }
      worker.terminate();
      if ('blob' in message) resolve(message.blob);
      else reject(new Error(`XLSX: ${message.error}`));
    });
    // A worker that cannot start (or dies) says so here, never by silence.
    worker.addEventListener('error', (event) => {
      fail(event.message || 'the worker did not start');
    });
    worker.addEventListener('messageerror', () => {
      fail('unreadable message from the worker');
    });
    worker.postMessage(request);
  });
}

/** Builds and downloads one export; `onStep` hears each of its EXPORT_STEPS as it starts. */
export async function download(
  kind: ExportKind,
  context: Context,
  onStep: (step: ExportStep) => void = () => undefined,
): Promise<void> {
  const { filter, lang, siteName } = context;
  onStep('read');
  // Read on demand: every item projection, which the figures screen itself does not need.
  const items = await allItems();
  const events = kind === 'trace' ? await allEvents() : [];
  const name = exportName(kind, filter, lang);
  if (kind === 'xlsx') {
    const siteNames = siteNamesOf(items, siteName);
    const cafe = context.cafe ?? null;
    if (cafe)
      for (const v of cafe.visits) if (v.site !== null) siteNames[v.site] ??= siteName(v.site);
    save(await xlsxInWorker({ items, filter, lang, siteNames, cafe }, onStep), name);
    return;
  }
  onStep('build');
  await nextPaint();
  const text = {
    csv: () => itemsCsv(items, filter, { lang, siteName }),
    ords: () => toOrdsCsv(items, filter, { dataProvider: context.provider, siteName }),
    trace: () =>
      traceabilityCsv(items, events, filter, {
        lang,
        siteName,
        ...(context.personName ? { personName: context.personName } : {}),
        ...(context.deviceName ? { deviceName: context.deviceName } : {}),
      }),
  }[kind]();
  save(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
}

const SERVER_FILE: Record<ExportKind, ServerExportFile> = {
  xlsx: 'items.xlsx',
  csv: 'items.csv',
  ords: 'ords.csv',
  trace: 'trace.csv',
};

// A year over several busy regions can wait for a free export worker and then take a while to
// make: far longer than the usual 20 s of a request.
const SERVER_EXPORT_TIMEOUT_MS = 5 * 60_000;

/** The file name of an export over regions, e.g. `bewaar-toestellen-regios-2026-11-01-2026-11-30.csv`. */
export function regionsExportName(
  kind: ExportKind,
  filter: FigureFilter,
  lang: Lang = 'nl',
): string {
  return exportName(kind, filter, lang).replace(
    `-${filter.from}-`,
    `-${FILE_WORDS[lang].regions}-${filter.from}-`,
  );
}

/** Fetches one export over the person's regions (all, or only `region`) from the server, where
 * it is made with the region first in every table, and downloads it. `onStep` hears `server`
 * while the server makes it and `receive` once it starts to come. */
export async function downloadFromServer(
  kind: ExportKind,
  context: { token: string; filter: FigureFilter; lang: Lang; region: string | null },
  onStep: (step: ExportStep) => void = () => undefined,
): Promise<void> {
  const { token, filter, lang, region } = context;
  onStep('server');
  const api = figuresApi(createApi({ token, timeoutMs: SERVER_EXPORT_TIMEOUT_MS }));
  const blob = await api.exportFile(SERVER_FILE[kind], filter, region, lang, () => {
    onStep('receive');
  });
  save(blob, regionsExportName(kind, filter, lang));
}

/** What a failed request to the server says, in the reader's words: for the figures over regions
 * or for one of the server's files. */
export function serverProblem(error: unknown, what: 'regions' | 'export'): MessageKey {
  if (!(error instanceof ApiError)) return `figures.${what}.error.offline`;
  if (error.status === 429) return `figures.${what}.error.too-many`;
  if (error.status === 503) return `figures.${what}.error.busy`;
  if (error.status === 401) return `figures.${what}.error.session`;
  return `figures.${what}.error.server`;
}
