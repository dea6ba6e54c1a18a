// Whether a code this device does not know belongs to another region, asked of the server once
// when a screen opens for it (online only; offline the push has the last word).
import { useEffect, useState } from 'react';
import type { CodeRegion } from '../../sync/api';
import { checkCodeRegion } from '../sync/syncContext';

/** The server's answer for `code`, or null while unknown (offline, or not answered yet). */
export function useCodeRegion(code: string): CodeRegion | null {
  const [region, setRegion] = useState<{ code: string; region: CodeRegion | null } | null>(null);
  useEffect(() => {
    let live = true;
    void checkCodeRegion(code).then((answer) => {
      if (live) setRegion({ code, region: answer });
    });
    return () => {
      live = false;
    };
  }, [code]);
  return region?.code === code ? region.region : null;
}
