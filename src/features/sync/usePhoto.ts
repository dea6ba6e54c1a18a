// A photo by hash: from this device's store, or fetched from the server when another device took
// it (then kept here, so it shows offline from then on). While the server does not have it yet
// (the other device has not uploaded it), it asks again every few seconds for a while.
import { useEffect, useState } from 'react';
import { getDb, storeFetchedPhoto, usePhotoBlob } from '../../storage';
import { createApi } from '../../sync/api';
import { useSyncStatus } from '../../sync/status';
import { useDeviceProfile } from '../setup/deviceProfile';

const RETRY_MS = 3_000;
const MAX_TRIES = 40;

/** The photo's blob: `undefined` while loading, `null` while it is nowhere to be had yet. */
export function usePhoto(sha256: string | null): Blob | null | undefined {
  const local = usePhotoBlob(sha256);
  const token = useDeviceProfile()?.token ?? null;
  const online = useSyncStatus((s) => s.online);
  const [tries, setTries] = useState(0);
  useEffect(() => {
    if (local !== null || !sha256 || !token || online === false || tries >= MAX_TRIES) return;
    let cancelled = false;
    let timer: number | undefined;
    void createApi({ token })
      .getPhoto(sha256)
      .then(async (blob) => {
        if (blob) await storeFetchedPhoto(getDb(), sha256, blob);
        else if (!cancelled)
          timer = window.setTimeout(() => {
            setTries((n) => n + 1);
          }, RETRY_MS);
      })
      .catch(() => {
        if (!cancelled)
          timer = window.setTimeout(() => {
            setTries((n) => n + 1);
          }, RETRY_MS);
      });
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [local, sha256, token, online, tries]);
  return local;
}
