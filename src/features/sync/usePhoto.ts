// A photo by hash: from this device's store, or fetched once from the server when another device
// took it (then kept here, so it shows offline from then on).
import { useEffect } from 'react';
import { getDb, storeFetchedPhoto, usePhotoBlob } from '../../storage';
import { createApi } from '../../sync/api';
import { useSyncStatus } from '../../sync/status';
import { useDeviceProfile } from '../setup/deviceProfile';

/** The photo's blob: `undefined` while loading, `null` while it is nowhere to be had yet. */
export function usePhoto(sha256: string | null): Blob | null | undefined {
  const local = usePhotoBlob(sha256);
  const token = useDeviceProfile()?.token ?? null;
  const online = useSyncStatus((s) => s.online);
  useEffect(() => {
    if (local !== null || !sha256 || !token || online === false) return;
    void createApi({ token })
      .getPhoto(sha256)
      .then((blob) => (blob ? storeFetchedPhoto(getDb(), sha256, blob) : undefined))
      .catch(() => undefined);
  }, [local, sha256, token, online]);
  return local;
}
