// Where a code scanned in the workshop leads: an item to its card (unknown ones to a quick
// registration), a cage to its arrival and unpacking screen.
import { useCallback } from 'react';
import { parseCode } from '../../domain';
import { useNavigation } from '../../state/navigation';
import type { ScanFeedback } from '../intake/useScanHandler';

/** Returns a handler for raw scanner or keyboard input on a shop device. */
export function useShopScanHandler(): (raw: string) => Promise<ScanFeedback> {
  const go = useNavigation((s) => s.go);
  return useCallback(
    (raw: string) => {
      const parsed = parseCode(raw);
      if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
      go(
        parsed.kind === 'cage'
          ? { name: 'cage', code: parsed.code }
          : { name: 'item', code: parsed.code },
      );
      return Promise.resolve({ ok: true });
    },
    [go],
  );
}
