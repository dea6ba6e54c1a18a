// CSV exports for Belgian Excel: UTF-8 with a BOM (else Excel reads the text as Windows-1252),
// semicolons (the comma is the decimal mark there), CRLF, decimal commas. Papa does the quoting.
import Papa from 'papaparse';
import type { Lang } from '../categories';
import { compareEvents } from '../eventOrder';
import { canonicalJson } from '../events';
import type { BewaarEvent } from '../events';
import { hlcWallMs } from '../hlc';
import { matchesFilter } from './itemFacts';
import type { FigureItem } from './itemFacts';
import { itemRegion, itemRows } from './itemRows';
import type { ExportOptions, ItemRow } from './itemRows';
import {
  EVENT_NAMES,
  ITEM_COLUMN_KEYS,
  ITEM_COLUMNS,
  OFFICE_DEVICE,
  REGION_COLUMN,
  TRACE_COLUMNS,
  YES_NO,
} from './labels';
import type { ItemColumn } from './labels';
import { brusselsParts, inPeriod } from './period';
import type { FigureFilter } from './period';

/** A Belgian number format for cells (empty for null), built on the first export rather than
 * when the app loads (see period.ts). */
function cellNumber(options: Intl.NumberFormatOptions): (n: number | null) => string {
  let format: Intl.NumberFormat | undefined;
  return (n) => (n === null ? '' : (format ??= new Intl.NumberFormat('nl-BE', options)).format(n));
}
const num = cellNumber({ useGrouping: false, maximumFractionDigits: 3 });
const eur = cellNumber({ useGrouping: false, minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Cells a spreadsheet would run as a formula (OWASP's list: `=`, `+`, `-`, `@`, tab, CR). Papa's
 * own `escapeFormulae: true` tests the whole cell with `.*$`, which a line break inside the cell
 * defeats (`=1+1\nx` passes untouched), so only the first character is looked at here. */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvFormat {
  delimiter: ',' | ';';
  newline: '\n' | '\r\n';
  /** A UTF-8 byte order mark first (Excel needs it to read UTF-8). */
  bom: boolean;
}

/**
 * Every CSV the product writes goes through here: Papa quotes, and a text cell that starts like a
 * formula gets a leading `'` (and quotes), so a brand or note typed in the field can never run
 * in the coordinator's spreadsheet. Numbers stay numbers.
 */
export function writeCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  format: CsvFormat,
): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((row) => [...row]) },
    { delimiter: format.delimiter, newline: format.newline, escapeFormulae: FORMULA_START },
  );
  return `${format.bom ? '\uFEFF' : ''}${body}${format.newline}`;
}

/** A table as Belgian-Excel CSV text (BOM, `;`, CRLF; cells that look like formulas are escaped). */
export function belgianCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  return writeCsv(header, rows, { delimiter: ';', newline: '\r\n', bom: true });
}

function itemCells(row: ItemRow, lang: Lang): string[] {
  const cells: Record<ItemColumn, string> = {
    code: row.code,
    category: row.category,
    ordsCategory: row.ordsCategory === null ? '' : String(row.ordsCategory),
    brand: row.brand,
    model: row.model,
    description: row.description,
    park: row.park,
    registered: row.registered ?? '',
    status: row.status,
    weightKg: num(row.weightKg),
    weighed: (row.weighed ? YES_NO.yes : YES_NO.no)[lang],
    received: row.received ?? '',
    repairMinutes: String(row.repairMinutes),
    priceEur: eur(row.priceEur),
    sold: row.sold ?? '',
    soldPriceEur: eur(row.soldPriceEur),
    rejectionReason: row.rejectionReason,
    destination: row.destination,
    note: row.note,
  };
  return ITEM_COLUMN_KEYS.map((key) => cells[key]);
}

/** The per-item table (see itemRows for which items) as Belgian-Excel CSV; with
 * `regionOfSite`, the item's region first. */
export function itemsCsv(
  items: readonly FigureItem[],
  filter: FigureFilter,
  options: ExportOptions = {},
): string {
  const lang = options.lang ?? 'nl';
  const header = ITEM_COLUMN_KEYS.map((key) => ITEM_COLUMNS[key][lang]);
  const withRegion = options.regionOfSite !== undefined;
  return belgianCsv(
    withRegion ? [REGION_COLUMN[lang], ...header] : header,
    itemRows(items, filter, options).map((row) =>
      withRegion ? [row.region ?? '', ...itemCells(row, lang)] : itemCells(row, lang),
    ),
  );
}

/**
 * Every event in the period of every item of the filter's site and category (voided ones too:
 * an audit trail keeps mistakes), in clock order, as Belgian-Excel CSV. With `regionOfSite`, the
 * region of the event's item first (an office's events name no site of their own).
 */
export function traceabilityCsv(
  items: readonly FigureItem[],
  events: readonly BewaarEvent[],
  filter: FigureFilter,
  options: ExportOptions = {},
): string {
  const lang = options.lang ?? 'nl';
  const regionOfSite = options.regionOfSite;
  // The items of the filter, with their region (or '' when the file names none).
  const codes = new Map(
    items
      .filter((i) => matchesFilter(i, filter))
      .map((i) => [i.code, regionOfSite ? itemRegion(i, regionOfSite) : ''] as const),
  );
  // De-duplicated by id and in fold order, as everywhere else.
  const byId = new Map<string, BewaarEvent>();
  for (const e of events) if (codes.has(e.subject) && inPeriod(e.hlc, filter)) byId.set(e.id, e);
  const listed = [...byId.values()].sort(compareEvents);
  const site = (id: string) => options.siteName?.(id) ?? id;
  const person = (id: string) => options.personName?.(id) ?? id;
  // Every enrolled device of the region has a name (revoked ones keep theirs); the one device
  // id the names do not hold is a coordinator's browser, which is never enrolled.
  const deviceName = options.deviceName;
  const device = (id: string) => (deviceName ? (deviceName(id) ?? OFFICE_DEVICE[lang]) : id);
  const header = Object.values(TRACE_COLUMNS).map((words) => words[lang]);
  return belgianCsv(
    regionOfSite ? [REGION_COLUMN[lang], ...header] : header,
    listed.map((e) => {
      const { day, time } = brusselsParts(hlcWallMs(e.hlc));
      return [
        ...(regionOfSite ? [codes.get(e.subject) ?? ''] : []),
        e.subject,
        EVENT_NAMES[e.type][lang],
        `${day} ${time}`,
        e.hlc,
        site(e.site),
        person(e.actor),
        device(e.device),
        e.id,
        canonicalJson(e.data),
      ];
    }),
  );
}
