// A photo by hash: from this device's store, or fetched from the server when another device took
// it (then kept here, so it shows offline from then on). While the server does not have it yet
// (the other device has not uploaded it), it asks again every few seconds for a while.
import { useEffect, useState } from 'react';
import { getDb, sha256Hex, storeFetchedPhoto, usePhotoBlob } from '../../storage';
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
  // Tries are counted per photo: a thumbnail reused for another photo starts afresh.
  const [tries, setTries] = useState({ sha256, count: 0 });
  const count = tries.sha256 === sha256 ? tries.count : 0;
  useEffect(() => {
    if (local !== null || !sha256 || !token || online === false || count >= MAX_TRIES) return;
    let cancelled = false;
    let timer: number | undefined;
    void createApi({ token })
      .getPhoto(sha256)
      .then(async (blob) => {
        // Kept only when the bytes are the photo the events name.
        if (blob && (await sha256Hex(blob)) === sha256)
          await storeFetchedPhoto(getDb(), sha256, blob);
        else if (!cancelled)
          timer = window.setTimeout(() => {
            setTries({ sha256, count: count + 1 });
          }, RETRY_MS);
      })
      .catch(() => {
        if (!cancelled)
          timer = window.setTimeout(() => {
            setTries({ sha256, count: count + 1 });
          }, RETRY_MS);
      });
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [local, sha256, token, online, count]);
  return local;
}
