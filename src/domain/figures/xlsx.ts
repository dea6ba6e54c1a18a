// The XLSX export as sheet data for write-excel-file: real number and date cells, one sheet per
// table. The caller writes the file with the entry point of its platform (see xlsxSheets).
import type { Cell, Row, Sheet } from 'write-excel-file/universal';
import type { Lang } from '../categories';
import { figureLines } from './figureLine';
import { computeFigures } from './figures';
import type { Amount, Figures } from './figureTypes';
import type { FigureItem } from './itemFacts';
import { itemRows, itemsByRegion } from './itemRows';
import type { ExportOptions } from './itemRows';
import {
  DESTINATION,
  FIGURE_LABELS as L,
  ITEM_COLUMN_KEYS,
  ITEM_COLUMNS,
  REASON,
  REGION_COLUMN,
  SHEETS,
} from './labels';
import type { ItemColumn } from './labels';
import { methodLines } from './method';
import type { Day, FigureFilter } from './period';

const DATE = 'dd/mm/yyyy';
const KG = '0.000';
const EUR = '#,##0.00';
const PERCENT = '0.0%';
const DAYS = '0.0';

/** The decimals each format shows: the cell holds the value rounded to them, so a program that
 * reads the cell (or Excel's formula bar) gets 13.0, not 13.0248, and 24.50 € as 24.5, not
 * 24.499999. */
const DECIMALS: Record<string, number> = { [KG]: 3, [EUR]: 2, [PERCENT]: 3, [DAYS]: 1 };

/** `value` rounded half away from zero to `decimals` (exact for the decimals of a money amount:
 * 1.005 → 1.01, which `Math.round(1.005 * 100)` gets wrong). */
export function roundTo(value: number, decimals: number): number {
  const text = String(Math.abs(value));
  // The decimal text shifted, not the binary value multiplied (no exponent form: tiny or huge).
  const scaled = text.includes('e')
    ? Math.abs(value) * 10 ** decimals
    : Number(`${text}e${String(decimals)}`);
  return Math.sign(value) * (Math.round(scaled) / 10 ** decimals) || 0;
}

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const num = (value: number | null, format?: string): Cell => {
  if (value === null) return null;
  const decimals = format === undefined ? undefined : DECIMALS[format];
  const rounded = decimals === undefined ? value : roundTo(value, decimals);
  return { value: rounded, type: Number, ...(format ? { format } : {}) };
};
// A Brussels day as the UTC midnight Excel counts its serial dates from.
const date = (day: Day | null, format = DATE): Cell =>
  day === null ? null : { value: new Date(`${day}T00:00:00Z`), type: Date, format };

type Words = Record<Lang, string>;

/** The figures as two tables (amounts, then values); with `region`, its name first in each row. */
function figureTables(f: Figures, lang: Lang, region?: string): Row[] {
  const lead = (row: Row): Row => (region === undefined ? row : [region, ...row]);
  const head = (words: Words[]): Row => [
    ...(region === undefined ? [] : [bold(REGION_COLUMN[lang])]),
    ...words.map((w) => bold(w[lang])),
  ];
  const amount = (label: keyof typeof L, a: Amount): Row =>
    lead([L[label][lang], a.count, num(a.kg, KG)]);
  const value = (label: keyof typeof L, v: number | null, format?: string): Row =>
    lead([L[label][lang], num(v, format)]);
  return [
    head([L.figure, L.count, L.kg]),
    amount('registered', f.registered),
    amount('received', f.received),
    amount('missing', f.missing),
    amount('tested', f.tested),
    amount('workshop', f.workshop),
    amount('repaired', f.repaired),
    amount('forSale', f.forSale),
    amount('onShelf', f.onShelf),
    amount('sold', f.sold),
    amount('rejected', f.rejected),
    [],
    head([L.figure, L.value]),
    value('revenue', f.sold.revenueEur, EUR),
    value('labour', f.labourMinutes),
    value('co2e', f.co2eAvoidedKg, KG),
    value('waste', f.wasteAvoidedKg, KG),
    value('reuseRate', f.reuseRate, PERCENT),
    value('repairRate', f.repairRate, PERCENT),
    value('parkToShelf', f.medianDaysParkToShelf, DAYS),
    value('parkToSale', f.medianDaysParkToSale, DAYS),
  ];
}

function itemsSheet(items: readonly FigureItem[], filter: FigureFilter, options: ExportOptions) {
  const lang = options.lang ?? 'nl';
  const header: Row = ITEM_COLUMN_KEYS.map((key) => bold(ITEM_COLUMNS[key][lang]));
  const withRegion = options.regionOfSite !== undefined;
  const rows = itemRows(items, filter, options).map((r): Row => {
    const cells: Record<ItemColumn, Cell> = {
      code: r.code,
      category: r.category,
      ordsCategory: num(r.ordsCategory),
      brand: r.brand,
      model: r.model,
      description: r.description,
      park: r.park,
      registered: date(r.registered),
      status: r.status,
      weightKg: num(r.weightKg, KG),
      weighed: { value: r.weighed, type: Boolean },
      received: date(r.received),
      repairMinutes: num(r.repairMinutes),
      priceEur: num(r.priceEur, EUR),
      sold: date(r.sold),
      soldPriceEur: num(r.soldPriceEur, EUR),
      rejectionReason: r.rejectionReason,
      destination: r.destination,
      // Text format: Excel must not read a note such as "1/2" or "=…" as a date or formula.
      note: { value: r.note, type: String, format: '@' },
    };
    const row = ITEM_COLUMN_KEYS.map((key) => cells[key]);
    return withRegion ? [r.region ?? '', ...row] : row;
  });
  return [withRegion ? [bold(REGION_COLUMN[lang]), ...header] : header, ...rows];
}

/**
 * The workbook's sheets: figures, items, rejected by reason (and destination), monthly trend
 * per park, method and sources. Write them with `writeExcelFile(sheets)` from
 * `write-excel-file/universal` (`.toBlob()`, in the app's XLSX worker) or `write-excel-file/node`
 * (`.toBuffer()`) on the server: the domain stays free of Blob and Buffer. With `regionOfSite`
 * (a file over several regions) every table starts with the region: the figures sheet has each
 * region's figures and then those of all together, the other tables a row per region.
 */
export function xlsxSheets(
  items: readonly FigureItem[],
  filter: FigureFilter,
  options: ExportOptions = {},
): Sheet<never>[] {
  const lang = options.lang ?? 'nl';
  const regionOfSite = options.regionOfSite;
  const f = computeFigures(figureLines(items), filter);
  // The figures per region (each computed over its own items), or the file's one set unnamed.
  const parts: [string | null, Figures][] = regionOfSite
    ? itemsByRegion(items, regionOfSite).map(([region, own]) => [
        region,
        computeFigures(figureLines(own), filter),
      ])
    : [[null, f]];
  const lead = (region: string | null, row: Row): Row => (region === null ? row : [region, ...row]);
  const head = (words: Words[]): Row => [
    ...(regionOfSite ? [bold(REGION_COLUMN[lang])] : []),
    ...words.map((w) => bold(w[lang])),
  ];
  const rejected: Row[] = [
    head([L.reason, L.count, L.kg]),
    ...parts.flatMap(([region, p]) =>
      p.rejectedByReason.map((r) => lead(region, [REASON[r.reason][lang], r.count, num(r.kg, KG)])),
    ),
    [],
    head([ITEM_COLUMNS.destination, L.count, L.kg]),
    ...parts.flatMap(([region, p]) =>
      p.rejectedByDestination.map((d) =>
        lead(region, [DESTINATION[d.destination][lang], d.count, num(d.kg, KG)]),
      ),
    ),
  ];
  const site = (id: string | null) => (id === null ? '' : (options.siteName?.(id) ?? id));
  const monthly: Row[] = [
    head([ITEM_COLUMNS.park, L.month, L.registered, L.kg, L.sold, L.kg, L.revenue]),
    ...parts.flatMap(([region, p]) =>
      p.monthly.map((m) =>
        lead(region, [
          site(m.park),
          date(`${m.month}-01`, 'mm/yyyy'),
          m.registered.count,
          num(m.registered.kg, KG),
          m.sold.count,
          num(m.sold.kg, KG),
          num(m.sold.revenueEur, EUR),
        ]),
      ),
    ),
  ];
  const period: Row = [bold(L.period[lang]), date(filter.from), date(filter.to)];
  const figures: Row[] = regionOfSite
    ? [
        period,
        [],
        ...parts.flatMap(([region, p]) => [...figureTables(p, lang, region ?? ''), []]),
        ...figureTables(f, lang, L.allRegions[lang]),
      ]
    : [period, [], ...figureTables(f, lang)];
  return [
    {
      sheet: SHEETS.figures[lang],
      data: figures,
      columns: regionOfSite ? [{ width: 24 }, { width: 32 }] : [{ width: 32 }],
    },
    { sheet: SHEETS.items[lang], data: itemsSheet(items, filter, options), stickyRowsCount: 1 },
    {
      sheet: SHEETS.rejected[lang],
      data: rejected,
      columns: regionOfSite ? [{ width: 24 }, { width: 32 }] : [{ width: 32 }],
    },
    { sheet: SHEETS.monthly[lang], data: monthly, stickyRowsCount: 1 },
    {
      sheet: SHEETS.method[lang],
      data: methodLines(lang).map((line) => [line]),
      columns: [{ width: 120 }],
    },
  ];
}
