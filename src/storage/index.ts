// The storage layer's public face: screens and sync import from here only.
export { eraseDatabase, getDb, openBewaarDb, useDatabase } from './db';
export type {
  BewaarDexie,
  CafeContactRow,
  CageRow,
  ItemRow,
  OutboxRow,
  PhotoQueueRow,
  PhotoRow,
  SessionRow,
  VisitRow,
} from './db';
export {
  checkIn,
  checkOut,
  claimVisit,
  closeSession,
  contactRefused,
  contactSent,
  contactsToSend,
  ContactMissingError,
  nextNumber,
  openSession,
  recordOutcome,
  releaseVisit,
} from './cafe';
export type {
  CafeDeps,
  CheckedIn,
  CheckInData,
  Outcome,
  SessionClosing,
  SessionOpening,
  VisitorContact,
} from './cafe';
export {
  getVisit,
  useAllVisits,
  useOpenSession,
  useRefusedContacts,
  useSession,
  useSessions,
  useVisit,
  useVisitsOfSession,
} from './cafeQueries';
export { recordEvents, StorageFullError } from './eventLog';
export type { Author, EventDraft, WriteDeps } from './eventLog';
export { localDay } from './localDay';
export { deleteMeta, primeMeta, readMeta, updateMeta, useMeta, writeMeta } from './meta';
export { persistenceState, requestPersistence, storageEstimate } from './persistence';
export type { PersistenceState } from './persistence';
export {
  photoUploaded,
  queuedPhotos,
  sha256Hex,
  storeFetchedPhoto,
  storePhoto,
  usePhotoBlob,
} from './photos';
export { acknowledge, countPending, markRejected, pendingEvents, retryRejected } from './outbox';
export { applyRemoteEvents, checkPulled, LAST_SYNC, PULL_CURSOR } from './remote';
export { ensureProjections, PROJECTION_VERSION } from './projections';
export { restampWrongClock, wronglyStamped } from './restamp';
export {
  getCage,
  getItem,
  kindCountsOfSite,
  useCage,
  useCageContents,
  useHistory,
  useItem,
  useItemsOfDay,
  useKnownBrands,
  useLastSync,
  useRecentItems,
  useRejectedEvents,
  usePendingCount,
  useUnsentCount,
} from './queries';
export { useCagesOnTheWay, useUnpacking, useWorkQueue } from './shopQueries';
export type { Unpacking } from './shopQueries';
export type { QueueStatus } from './itemRow';
export { allEvents, allItems, useFigureLines } from './figureQueries';
export { keepFigureLines } from './figureStore';
export { allLoggedEvents, loggedEventCount } from './log';
