// Asks the browser to keep this site's storage when space runs low (navigator.storage.persist).
export type PersistenceState = 'persisted' | 'not-persisted' | 'unsupported';

/** Whether the browser has granted persistent storage. */
export async function persistenceState(): Promise<PersistenceState> {
  if (!('storage' in navigator) || typeof navigator.storage.persisted !== 'function')
    return 'unsupported';
  return (await navigator.storage.persisted()) ? 'persisted' : 'not-persisted';
}

/** Requests persistent storage and returns the browser's answer. */
export async function requestPersistence(): Promise<PersistenceState> {
  if (!('storage' in navigator) || typeof navigator.storage.persist !== 'function')
    return 'unsupported';
  return (await navigator.storage.persist()) ? 'persisted' : 'not-persisted';
}

/** Used and available bytes, where the browser tells. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  if (!('storage' in navigator) || typeof navigator.storage.estimate !== 'function') return null;
  const { usage, quota } = await navigator.storage.estimate();
  return usage !== undefined && quota !== undefined ? { usage, quota } : null;
}
