// Where a scanned or typed code leads: a known item opens its card, an unknown valid item code
// opens the new-item form (never a second item), a cage label opens or selects the cage.
import { useCallback } from 'react';
import { parseCode, type ParseError } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { getCage, getItem, StorageFullError } from '../../storage';
import { useToast } from '../../ui/toast';
import { openOrSelectCage } from '../cages/cageActions';
import { useSession } from '../setup/session';
import { checkCodeRegion } from '../sync/syncContext';

export type ScanFeedback =
  { ok: true } | { ok: false; error: ParseError | 'storage-full' | 'other-region' };

/** Returns a handler for raw scanner or keyboard input. */
export function useScanHandler(): (raw: string) => Promise<ScanFeedback> {
  const { author } = useSession();
  const go = useNavigation((s) => s.go);
  const show = useToast((s) => s.show);
  const { t } = useT();
  return useCallback(
    async (raw: string) => {
      const parsed = parseCode(raw);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      if (parsed.kind === 'cage') {
        // A cage label this device has never seen may be another region's: ask before opening.
        if (!(await getCage(parsed.code)) && (await checkCodeRegion(parsed.code)) === 'other')
          return { ok: false, error: 'other-region' };
        try {
          const result = await openOrSelectCage(author, parsed.code);
          if (result === 'closed') go({ name: 'cage', code: parsed.code });
          else show(t(result === 'opened' ? 'cage.opened' : 'cage.selected'));
          return { ok: true };
        } catch (error) {
          if (error instanceof StorageFullError) return { ok: false, error: 'storage-full' };
          throw error;
        }
      }
      const item = await getItem(parsed.code);
      const known = item !== undefined && item.registered && !item.voided;
      go({ name: known ? 'item' : 'new-item', code: parsed.code });
      return { ok: true };
    },
    [author, go, show, t],
  );
}
