// Photos as blobs in IndexedDB, keyed by their SHA-256 (the name the events and the server use).
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type BewaarDexie } from './db';

/** Lowercase hex SHA-256 of the bytes, the content address of a photo. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stores an (already resized, EXIF-free) photo taken here and queues it for upload; returns
 * its hash. Storing the same photo twice is a no-op. */
export async function storePhoto(
  blob: Blob,
  size: { width: number; height: number },
  db: BewaarDexie = getDb(),
): Promise<string> {
  const sha256 = await sha256Hex(blob);
  const now = Date.now();
  await db.transaction('rw', db.photos, db.photoQueue, async () => {
    await db.photos.put({ sha256, blob, type: blob.type, ...size, createdAt: now });
    await db.photoQueue.put({ sha256, queuedAt: now });
  });
  return sha256;
}

/** Keeps a photo fetched from the server (it needs no upload). */
export async function storeFetchedPhoto(
  db: BewaarDexie,
  sha256: string,
  blob: Blob,
): Promise<void> {
  await db.photos.put({
    sha256,
    blob,
    type: blob.type,
    width: 0,
    height: 0,
    createdAt: Date.now(),
  });
}

/** Photos waiting for upload, oldest first. */
export async function queuedPhotos(db: BewaarDexie): Promise<{ sha256: string; blob: Blob }[]> {
  const rows = await db.photoQueue.orderBy('queuedAt').toArray();
  const photos = await db.photos.bulkGet(rows.map((r) => r.sha256));
  return photos.flatMap((p) => (p ? [{ sha256: p.sha256, blob: p.blob }] : []));
}

/** The server has the photo. */
export async function photoUploaded(db: BewaarDexie, sha256: string): Promise<void> {
  await db.photoQueue.delete(sha256);
}

/** An object URL for a stored photo, revoked when the component lets go of it. */
export function usePhotoBlob(sha256: string | null): Blob | null | undefined {
  return useLiveQuery(
    async () => (sha256 ? ((await getDb().photos.get(sha256))?.blob ?? null) : null),
    [sha256],
  );
}
