// Repair café days (DESIGN §6): session and visit folds, the queue, the skill of a kind.
export { foldSession } from './sessionState';
export type { SessionState, SessionTable } from './sessionState';
export { skillFor } from './skills';
export { foldVisit, lostClaimOf, nextFor, queueFor, ticketLabel } from './visitState';
export type { LostClaim, VisitClaim, VisitOutcome, VisitState, VisitStatus } from './visitState';
