// The XLSX export's workbook, built from the items the screen read: the sheets from the domain,
// the file from write-excel-file. It runs in xlsx.worker.ts (a year of a busy region is seconds
// of work), so what crosses to it is plain data: site names as a table, not a function.
import writeExcelFile from 'write-excel-file/universal';
import {
  cafeXlsxSheets,
  xlsxSheets,
  type FigureFilter,
  type FigureItem,
  type Lang,
  type SessionState,
  type VisitState,
} from '../../domain';

export interface XlsxRequest {
  items: readonly FigureItem[];
  filter: FigureFilter;
  lang: Lang;
  /** Name of each site the items name (their park and shop). */
  siteNames: Readonly<Record<string, string>>;
  /** A region's repair café days, whose sheets follow the pilot's (none in a period without). */
  cafe?: { visits: readonly VisitState[]; sessions: readonly SessionState[] } | null;
}

/** What the workbook is busy with: filling the sheets, then writing and zipping the file. */
export type XlsxStep = 'build' | 'pack';

/** The worker's messages: steps as they start, then the file or why there is none. */
export type XlsxReply = { step: XlsxStep } | { blob: Blob } | { error: string };

/** The workbook as a Blob; `onStep` hears each step as it starts. */
export async function buildXlsx(
  request: XlsxRequest,
  onStep: (step: XlsxStep) => void,
): Promise<Blob> {
  const { items, filter, lang, siteNames } = request;
  onStep('build');
  const siteName = (id: string) => siteNames[id] ?? id;
  const sheets = [
    ...xlsxSheets(items, filter, { lang, siteName }),
    ...(request.cafe
      ? cafeXlsxSheets(request.cafe.visits, request.cafe.sessions, filter, { lang, siteName })
      : []),
  ];
  onStep('pack');
  return writeExcelFile(sheets).toBlob();
}
