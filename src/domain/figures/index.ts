// The coordinator's figures and exports (pure): figures, the method text, ORDS, CSV and XLSX data.
export { computeFigures } from './figures';
export { figureLine, figureLines, lineMatches } from './figureLine';
export type { FigureLine } from './figureLine';
export type {
  Amount,
  CategoryOutcome,
  RejectionDestination,
  Figures,
  MonthRow,
  RejectionReason,
  Sales,
} from './figureTypes';
export { figureItem, figureItemsFromEvents, itemFacts, matchesFilter } from './itemFacts';
export type { FigureItem, ItemFacts, RepairFact } from './itemFacts';
export {
  co2eAvoidedKg,
  DISPLACEMENT_FACTOR,
  itemKg,
  MISC_KGCO2E_PER_KG,
  UNPOWERED_KGCO2E_PER_KG,
} from './impact';
export {
  brusselsDay,
  brusselsParts,
  elapsedDays,
  figureFilterSchema,
  inPeriod,
  median,
} from './period';
export type { Day, FigureFilter } from './period';
export { methodLines, methodText, SOURCES } from './method';
export type { Source } from './method';
export { ORDS_FIELDS, ordsCsv, ordsOutcome, ordsRecords, ordsRow, toOrdsCsv } from './ords';
export type { OrdsField, OrdsOptions, OrdsRecord } from './ords';
export {
  ORDS_AGGREGATE_RESOURCE,
  ORDS_SCHEMA_FIELDS,
  ordsEnum,
  ordsValidationSchema,
} from './ordsSchema';
export { belgianCsv, itemsCsv, traceabilityCsv } from './csv';
export { itemRegion, itemRows, itemsByRegion } from './itemRows';
export type { ExportOptions, ItemRow } from './itemRows';
export { xlsxSheets } from './xlsx';
