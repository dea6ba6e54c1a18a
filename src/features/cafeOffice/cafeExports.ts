// The organiser's files of café days, made on this device from its sessions and visits with the
// domain's code: ORDS (cafés alone, or with the kringwinkels' rows), the visits and sessions as
// Belgian CSV, and a workbook of the café sheets. Visitors' contacts are no input to any of them.
import {
  cafeOrdsRows,
  cafeSessionsCsv,
  cafeVisitsCsv,
  figureFilterSchema,
  ordsCsv,
  ordsRecords,
  type CafeFilter,
  type Lang,
  type SessionState,
  type VisitState,
} from '../../domain';
import { allItems } from '../../storage';
import { save } from '../figures/downloads';

export type CafeExportKind = 'ords' | 'ords-all' | 'visits' | 'sessions' | 'xlsx';

export interface CafeExportContext {
  visits: readonly VisitState[];
  sessions: readonly SessionState[];
  filter: CafeFilter;
  lang: Lang;
  /** The region: ORDS's data provider. */
  provider: string;
  siteName: (id: string) => string;
  /** The café's ORDS group_identifier (default its name); and the shops' names for the pilot. */
  ordsGroup: (id: string) => string;
}

const WORDS: Record<Lang, Record<CafeExportKind, string>> = {
  nl: {
    ords: 'ords-repaircafes',
    'ords-all': 'ords',
    visits: 'repaircafe-bezoeken',
    sessions: 'repaircafe-dagen',
    xlsx: 'repaircafe-cijfers',
  },
  fr: {
    ords: 'ords-repaircafes',
    'ords-all': 'ords',
    visits: 'repaircafe-visites',
    sessions: 'repaircafe-seances',
    xlsx: 'repaircafe-chiffres',
  },
  en: {
    ords: 'ords-repaircafes',
    'ords-all': 'ords',
    visits: 'repaircafe-visits',
    sessions: 'repaircafe-sessions',
    xlsx: 'repaircafe-figures',
  },
};

/** The file name, e.g. `bewaar-ords-repaircafes-2026-11-01-2026-11-30.csv`. */
export function cafeExportName(kind: CafeExportKind, filter: CafeFilter, lang: Lang): string {
  const ext = kind === 'xlsx' ? 'xlsx' : 'csv';
  return `bewaar-${WORDS[lang][kind]}-${filter.from}-${filter.to}.${ext}`;
}

/** The text of a CSV export (exported for the screen's test). */
export async function cafeExportText(
  kind: Exclude<CafeExportKind, 'xlsx'>,
  c: CafeExportContext,
): Promise<string> {
  const options = { lang: c.lang, siteName: c.siteName };
  switch (kind) {
    case 'visits':
      return cafeVisitsCsv(c.visits, c.sessions, c.filter, options);
    case 'sessions':
      return cafeSessionsCsv(c.sessions, c.visits, c.filter, options);
    case 'ords':
    case 'ords-all': {
      const cafe = cafeOrdsRows(c.visits, c.sessions, c.filter, {
        dataProvider: c.provider,
        ordsGroup: c.ordsGroup,
      });
      if (kind === 'ords') return ordsCsv(cafe);
      // The kringwinkels' rows of the same period (all their sites: a café filter names none).
      const pilotFilter = figureFilterSchema.parse({ from: c.filter.from, to: c.filter.to });
      const pilot = ordsRecords(await allItems(), pilotFilter, {
        dataProvider: c.provider,
        siteName: c.siteName,
      });
      return ordsCsv([...pilot, ...cafe]);
    }
  }
}

/** Builds one café export and downloads it. */
export async function downloadCafeExport(
  kind: CafeExportKind,
  context: CafeExportContext,
): Promise<void> {
  const name = cafeExportName(kind, context.filter, context.lang);
  if (kind === 'xlsx') {
    // The workbook's code loads only when asked for.
    const [{ default: writeExcelFile }, { cafeXlsxSheets }] = await Promise.all([
      import('write-excel-file/universal'),
      import('../../domain'),
    ]);
    const sheets = cafeXlsxSheets(context.visits, context.sessions, context.filter, {
      lang: context.lang,
      siteName: context.siteName,
    });
    save(await writeExcelFile(sheets).toBlob(), name);
    return;
  }
  const text = await cafeExportText(kind, context);
  save(new Blob([text], { type: 'text/csv;charset=utf-8' }), name);
}
