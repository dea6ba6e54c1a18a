// The coordinator's exports, made on this device from local data with the same domain code the
// server uses, and handed to the browser as a download. Libraries load only when asked for.
import {
  itemsCsv,
  toOrdsCsv,
  traceabilityCsv,
  xlsxSheets,
  type FigureFilter,
  type Lang,
} from '../../domain';
import { allEvents, allItems } from '../../storage';

export type ExportKind = 'xlsx' | 'csv' | 'ords' | 'trace';

interface Context {
  filter: FigureFilter;
  lang: Lang;
  siteName: (id: string) => string;
  /** Who publishes the ORDS data (the region). */
  provider: string;
}

function save(blob: Blob, name: string): void {
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

/** The file name for an export of a period, e.g. `bewaar-items-2026-11-01-2026-11-30.csv`. */
export function exportName(kind: ExportKind, filter: FigureFilter): string {
  const what = { xlsx: 'cijfers', csv: 'toestellen', ords: 'ords', trace: 'traceerbaarheid' }[kind];
  const ext = kind === 'xlsx' ? 'xlsx' : 'csv';
  return `bewaar-${what}-${filter.from}-${filter.to}.${ext}`;
}

/** Builds and downloads one export. */
export async function download(kind: ExportKind, context: Context): Promise<void> {
  const { filter, lang, siteName } = context;
  // Read on demand: every item projection, which the figures screen itself does not need.
  const items = await allItems();
  const name = exportName(kind, filter);
  const csv = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });
  switch (kind) {
    case 'xlsx': {
      // The universal build writes in this thread: the app's CSP allows no blob: workers.
      const { default: writeExcelFile } = await import('write-excel-file/universal');
      const sheets = xlsxSheets(items, filter, { lang, siteName });
      save(await writeExcelFile(sheets).toBlob(), name);
      return;
    }
    case 'csv':
      save(csv(itemsCsv(items, filter, { lang, siteName })), name);
      return;
    case 'ords':
      save(csv(toOrdsCsv(items, filter, { dataProvider: context.provider, siteName })), name);
      return;
    case 'trace':
      save(csv(traceabilityCsv(items, await allEvents(), filter, { lang, siteName })), name);
      return;
  }
}
