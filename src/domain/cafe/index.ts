// Repair café days (DESIGN §6): session and visit folds, the queue, the skill of a kind, and the
// organiser's figures, ORDS rows, exports and follow-up list.
export { foldSession } from './sessionState';
export type { SessionState, SessionTable } from './sessionState';
export { skillFor } from './skills';
export { foldVisit, lostClaimOf, nextFor, queueFor, ticketLabel } from './visitState';
export type { LostClaim, VisitClaim, VisitOutcome, VisitState, VisitStatus } from './visitState';
export {
  cafeFigures,
  cafeSessionsIn,
  cafeVisitsIn,
  visitCo2eKg,
  visitDay,
  visitKg,
} from './figures';
export type { CafeFigures, CafeFilter, KindCount, OutcomeCount } from './figures';
export { cafeOrdsProblem, cafeOrdsRows } from './ords';
export type { CafeOrdsOptions } from './ords';
export {
  BARRIER_WORDS,
  CAFE_FIGURE_LABELS,
  CAFE_SHEETS,
  cafeSessionsCsv,
  cafeVisitsCsv,
  cafeXlsxSheets,
  kindWords,
  NEXT_STEP_WORDS,
  OUTCOME_WORDS,
  UNPOWERED_WORDS,
} from './exports';
export type { CafeExportOptions } from './exports';
export { CAFE_SOURCE, cafeMethodLines, cafeMethodText } from './method';
export { followUpList } from './followUp';
export type { CafeContact, FollowUpRow } from './followUp';
