// The folds from events to item and cage state, gathered for callers; the rules live in
// eventOrder.ts (order and set semantics), itemState.ts and cageState.ts.
export { compareEvents, orderedEvents } from './eventOrder';
export { foldItem } from './itemState';
export type { ItemState, ItemStatus } from './itemState';
export { cageContents, foldCage } from './cageState';
export type { CageState, CageStatus } from './cageState';
