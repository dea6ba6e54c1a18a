// The export files' bytes, made by the domain from an export's items (and, for the audit trail,
// its events' stored JSON). Stores nothing; runs in an export worker thread (exportWorker.ts).
import writeExcelFile from 'write-excel-file/node';
import {
  cafeOrdsRows,
  cafeXlsxSheets,
  itemsCsv,
  ordsCsv,
  ordsRecords,
  traceabilityCsv,
  xlsxSheets,
} from '../src/domain/index';
import type {
  BewaarEvent,
  FigureFilter,
  FigureItem,
  Lang,
  SessionState,
  VisitState,
} from '../src/domain/index';

/** The region's repair café days (folded sessions and visits), for ORDS rows and café sheets. */
export interface CafeData {
  visits: readonly VisitState[];
  sessions: readonly SessionState[];
}

export type ExportFile = 'ords.csv' | 'items.csv' | 'items.xlsx' | 'trace.csv';

/** What an export is, apart from its data: plain values, since it crosses to a worker thread. */
export interface ExportSpec {
  file: ExportFile;
  filter: FigureFilter;
  lang: Lang;
  /** The region, ORDS's data provider (over several regions: their names, unused by the rows). */
  tenantName: string;
  /** The region's site names by id, for the files' park and shop columns. */
  siteNames: ReadonlyMap<string, string>;
  /** Each café's ORDS group name (its rows' group_identifier); else the café's site name. */
  ordsGroups?: ReadonlyMap<string, string>;
  /** A file over regions (`regions=all`, `region=`): each site's region name. Every table then
   * starts with the region, and ORDS names it as each row's data provider. */
  siteRegions?: ReadonlyMap<string, string>;
  /** trace.csv only: the names of the people and devices its events name, by id. */
  personNames?: ReadonlyMap<string, string>;
  deviceNames?: ReadonlyMap<string, string>;
}

/** A view that owns its whole buffer, so the buffer can be transferred without copying (a small
 * Buffer is a slice of Node's shared pool, which must not be handed away). */
function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes
    : bytes.slice();
}

const utf8 = (text: string) => owned(new TextEncoder().encode(text));

/** The file's bytes. `eventBodies` (the items' stored events, as JSON) only for trace.csv;
 * `cafe` (the region's café days) for ords.csv (their rows after the kringwinkels') and
 * items.xlsx (their sheets after the pilot's). */
export async function makeExportFile(
  spec: ExportSpec,
  items: readonly FigureItem[],
  eventBodies: readonly string[],
  cafe: CafeData = { visits: [], sessions: [] },
): Promise<Uint8Array> {
  const { filter, lang, siteRegions } = spec;
  const siteName = (id: string) => spec.siteNames.get(id) ?? id;
  // Absent for a file of one region, which then has no region column at all.
  const regions = siteRegions && { regionOfSite: (id: string) => siteRegions.get(id) ?? '' };
  const options = { lang, siteName, ...regions };
  switch (spec.file) {
    case 'ords.csv': {
      const provider = { dataProvider: spec.tenantName, ...regions };
      return utf8(
        ordsCsv([
          ...ordsRecords(items, filter, { ...provider, siteName }),
          ...cafeOrdsRows(cafe.visits, cafe.sessions, filter, {
            ...provider,
            ordsGroup: (id) => spec.ordsGroups?.get(id) ?? siteName(id),
          }),
        ]),
      );
    }
    case 'items.csv':
      return utf8(itemsCsv(items, filter, options));
    case 'items.xlsx': {
      const sheets = [
        ...xlsxSheets(items, filter, options),
        ...cafeXlsxSheets(cafe.visits, cafe.sessions, filter, { lang, siteName }),
      ];
      return owned(await writeExcelFile(sheets).toBuffer());
    }
    case 'trace.csv': {
      const events = eventBodies.map((body) => JSON.parse(body) as BewaarEvent);
      const names = {
        personName: (id: string) => spec.personNames?.get(id),
        deviceName: (id: string) => spec.deviceNames?.get(id),
      };
      return utf8(traceabilityCsv(items, events, filter, { ...options, ...names }));
    }
  }
}
