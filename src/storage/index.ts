// The storage layer's public face: screens and sync import from here only.
export { getDb, openBewaarDb, useDatabase } from './db';
export type { BewaarDexie, CageRow, ItemRow, OutboxRow, PhotoRow } from './db';
export { recordEvents, StorageFullError } from './eventLog';
export type { Author, EventDraft, WriteDeps } from './eventLog';
export { localDay } from './localDay';
export { deleteMeta, readMeta, useMeta, writeMeta } from './meta';
export { persistenceState, requestPersistence, storageEstimate } from './persistence';
export type { PersistenceState } from './persistence';
export { sha256Hex, storePhoto, usePhotoBlob } from './photos';
export {
  getCage,
  getItem,
  useCage,
  useCageContents,
  useHistory,
  useItem,
  useItemsOfDay,
  useKnownBrands,
  useOpenCages,
  usePendingCount,
} from './queries';
