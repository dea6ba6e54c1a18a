// Photos as blobs in IndexedDB, keyed by their SHA-256 (the name the events and the server use).
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './db';

/** Lowercase hex SHA-256 of the bytes, the content address of a photo. */
export async function sha256Hex(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stores an (already resized, EXIF-free) photo and returns its hash; storing twice is a no-op. */
export async function storePhoto(
  blob: Blob,
  size: { width: number; height: number },
): Promise<string> {
  const sha256 = await sha256Hex(blob);
  await getDb().photos.put({ sha256, blob, type: blob.type, ...size, createdAt: Date.now() });
  return sha256;
}

/** An object URL for a stored photo, revoked when the component lets go of it. */
export function usePhotoBlob(sha256: string | null): Blob | null | undefined {
  return useLiveQuery(
    async () => (sha256 ? ((await getDb().photos.get(sha256))?.blob ?? null) : null),
    [sha256],
  );
}
