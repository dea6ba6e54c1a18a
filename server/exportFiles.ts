// The export files' bytes, made by the domain from an export's items (and, for the audit trail,
// its events' stored JSON). Stores nothing; runs in an export worker thread (exportWorker.ts).
import writeExcelFile from 'write-excel-file/node';
import { itemsCsv, toOrdsCsv, traceabilityCsv, xlsxSheets } from '../src/domain/index';
import type { BewaarEvent, FigureFilter, FigureItem, Lang } from '../src/domain/index';

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

/** The file's bytes. `eventBodies` (the items' stored events, as JSON) only for trace.csv. */
export async function makeExportFile(
  spec: ExportSpec,
  items: readonly FigureItem[],
  eventBodies: readonly string[],
): Promise<Uint8Array> {
  const { filter, lang, siteRegions } = spec;
  const siteName = (id: string) => spec.siteNames.get(id) ?? id;
  // Absent for a file of one region, which then has no region column at all.
  const regions = siteRegions && { regionOfSite: (id: string) => siteRegions.get(id) ?? '' };
  const options = { lang, siteName, ...regions };
  switch (spec.file) {
    case 'ords.csv':
      return utf8(
        toOrdsCsv(items, filter, { dataProvider: spec.tenantName, siteName, ...regions }),
      );
    case 'items.csv':
      return utf8(itemsCsv(items, filter, options));
    case 'items.xlsx': {
      const sheets = xlsxSheets(items, filter, options);
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
