// The domain's public API: pure functions over plain data, shared by the app, the service worker
// and the server. Import from here, not from the files behind it.
export {
  CAFE_KINDS,
  CODE_ALPHABET,
  CODE_PREFIX,
  checkSymbol,
  codeUrl,
  formatCode,
  generateCode,
  parseCode,
  twinCode,
} from './labelCode';
export type { CodeKind, LabelKind, ParseError, ParsedCode } from './labelCode';
export { measureCheckSymbol } from './labelCodeQuality';
export type { CheckSymbolQuality } from './labelCodeQuality';

export {
  CATEGORIES,
  categoryById,
  defaultWeightKg,
  normalizeSearchText,
  searchCategories,
} from './categories';
export type { Category, CategoryId, Lang } from './categories';

export {
  EARLIEST_STAMP_MS,
  formatHlc,
  hlcInit,
  hlcReceive,
  hlcTick,
  hlcWallMs,
  MAX_DRIFT_MS,
  parseHlc,
  stampInRange,
} from './hlc';
export type { HlcState } from './hlc';

export {
  EVENT_TYPES,
  canonicalJson,
  eventSchema,
  eventsEqual,
  isCafeEventType,
  isCageEventType,
  subjectKindOf,
  isEventType,
  makeEvent,
  validateEvent,
} from './events';
export type {
  BewaarEvent,
  Envelope,
  EventDataMap,
  EventIssue,
  EventOf,
  EventSchema,
  EventType,
  EventValidation,
} from './events';
export {
  DATA_SCHEMAS,
  CAFE_SKILLS,
  ORDS_BARRIERS,
  UNPOWERED_CATEGORY,
  UNPOWERED_KINDS,
  codeSchema,
  correctedSchema,
  registeredSchema,
  sha256Schema,
} from './eventSchemas';

export type { CafeSkill, UnpoweredKind } from './eventSchemas';
export * from './cafe/index';

export { cageContents, compareEvents, foldCage, foldItem, orderedEvents } from './fold';
export type { CageState, CageStatus, ItemState, ItemStatus } from './fold';

export { canApply, saleBlockers } from './rules';
export { checkWeight, MAX_WEIGHT_KG, plausibleMaxKg } from './weightCheck';
export type { WeightCheck } from './weightCheck';
export { countKind, rankKinds } from './kindOrder';
export type { KindCounts } from './kindOrder';
export type { SaleBlocker } from './rules';

export * from './figures';
