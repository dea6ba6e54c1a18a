// The XLSX export as sheet data for write-excel-file: real number and date cells, one sheet per
// table. The caller writes the file with the entry point of its platform (see xlsxSheets).
import type { Cell, Row, Sheet } from 'write-excel-file/universal';
import type { Lang } from '../categories';
import { figureLines } from './figureLine';
import { computeFigures } from './figures';
import type { Amount, Figures } from './figureTypes';
import type { FigureItem } from './itemFacts';
import { itemRows } from './itemRows';
import type { ExportOptions } from './itemRows';
import {
  DESTINATION,
  FIGURE_LABELS as L,
  ITEM_COLUMN_KEYS,
  ITEM_COLUMNS,
  REASON,
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

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });
const num = (value: number | null, format?: string): Cell =>
  value === null ? null : { value, type: Number, ...(format ? { format } : {}) };
// A Brussels day as the UTC midnight Excel counts its serial dates from.
const date = (day: Day | null, format = DATE): Cell =>
  day === null ? null : { value: new Date(`${day}T00:00:00Z`), type: Date, format };

function figuresSheet(f: Figures, filter: FigureFilter, lang: Lang): Row[] {
  const amount = (label: keyof typeof L, a: Amount): Row => [
    L[label][lang],
    a.count,
    num(a.kg, KG),
  ];
  const value = (label: keyof typeof L, v: number | null, format?: string): Row => [
    L[label][lang],
    num(v, format),
  ];
  return [
    [bold(L.period[lang]), date(filter.from), date(filter.to)],
    [],
    [bold(L.figure[lang]), bold(L.count[lang]), bold(L.kg[lang])],
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
    [bold(L.figure[lang]), bold(L.value[lang])],
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
    return ITEM_COLUMN_KEYS.map((key) => cells[key]);
  });
  return [header, ...rows];
}

/**
 * The workbook's sheets: figures, items, rejected by reason (and destination), monthly trend
 * per park, method and sources. Write them with `writeExcelFile(sheets)` from
 * `write-excel-file/universal` (`.toBlob()`, in the app's XLSX worker) or `write-excel-file/node`
 * (`.toBuffer()`) on the server: the domain stays free of Blob and Buffer.
 */
export function xlsxSheets(
  items: readonly FigureItem[],
  filter: FigureFilter,
  options: ExportOptions = {},
): Sheet<never>[] {
  const lang = options.lang ?? 'nl';
  const f = computeFigures(figureLines(items), filter);
  const rejected: Row[] = [
    [bold(L.reason[lang]), bold(L.count[lang]), bold(L.kg[lang])],
    ...f.rejectedByReason.map((r): Row => [REASON[r.reason][lang], r.count, num(r.kg, KG)]),
    [],
    [bold(ITEM_COLUMNS.destination[lang]), bold(L.count[lang]), bold(L.kg[lang])],
    ...f.rejectedByDestination.map((d): Row => [
      DESTINATION[d.destination][lang],
      d.count,
      num(d.kg, KG),
    ]),
  ];
  const site = (id: string | null) => (id === null ? '' : (options.siteName?.(id) ?? id));
  const monthly: Row[] = [
    [ITEM_COLUMNS.park, L.month, L.registered, L.kg, L.sold, L.kg, L.revenue].map((w) =>
      bold(w[lang]),
    ),
    ...f.monthly.map((m): Row => [
      site(m.park),
      date(`${m.month}-01`, 'mm/yyyy'),
      m.registered.count,
      num(m.registered.kg, KG),
      m.sold.count,
      num(m.sold.kg, KG),
      num(m.sold.revenueEur, EUR),
    ]),
  ];
  return [
    {
      sheet: SHEETS.figures[lang],
      data: figuresSheet(f, filter, lang),
      columns: [{ width: 32 }],
    },
    { sheet: SHEETS.items[lang], data: itemsSheet(items, filter, options), stickyRowsCount: 1 },
    { sheet: SHEETS.rejected[lang], data: rejected, columns: [{ width: 32 }] },
    { sheet: SHEETS.monthly[lang], data: monthly, stickyRowsCount: 1 },
    {
      sheet: SHEETS.method[lang],
      data: methodLines(lang).map((line) => [line]),
      columns: [{ width: 120 }],
    },
  ];
}
