// Where a scanned or typed code leads: a known item opens its card, an unknown valid item code
// opens the new-item form (never a second item), a known cage label selects the cage, a cage
// label never seen here asks first. A label typed with the other kind's prefix is refused.
import { useCallback } from 'react';
import { parseCode, twinCode, type ParseError } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { getCage, getItem, StorageFullError } from '../../storage';
import { useToast } from '../../ui/toast';
import { openOrSelectCage, openSelectedCage } from '../cages/cageActions';
import { useSession } from '../setup/session';
import { checkCodeRegion } from '../sync/syncContext';

export type ScanError =
  ParseError | 'storage-full' | 'other-region' | 'item-not-cage' | 'cage-not-item';

/** A cage label this device has never seen: opening it is asked, not done. */
export interface NewCageQuestion {
  cage: string;
  /** The cage new items go into now, which the new one would replace. */
  open: string | null;
  confirm: () => Promise<ScanFeedback>;
}

export type ScanFeedback = { ok: true; ask?: NewCageQuestion } | { ok: false; error: ScanError };

const isLive = (item: { registered: boolean; voided: boolean } | undefined) =>
  item !== undefined && item.registered && !item.voided;

/** Returns a handler for raw scanner or keyboard input. */
export function useScanHandler(): (raw: string) => Promise<ScanFeedback> {
  const { author } = useSession();
  const go = useNavigation((s) => s.go);
  const show = useToast((s) => s.show);
  const { t } = useT();
  return useCallback(
    async (raw: string): Promise<ScanFeedback> => {
      const parsed = parseCode(raw);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      const code = parsed.code;
      const openCage = async (): Promise<ScanFeedback> => {
        try {
          const result = await openOrSelectCage(author, code);
          if (result === 'closed') go({ name: 'cage', code });
          else show(t(result === 'opened' ? 'cage.opened' : 'cage.selected'));
          return { ok: true };
        } catch (error) {
          if (error instanceof StorageFullError) return { ok: false, error: 'storage-full' };
          throw error;
        }
      };
      if (parsed.kind === 'cage') {
        if (await getCage(code)) return openCage();
        // The check symbol does not cover the prefix: an item label typed as BK… checks out.
        if (isLive(await getItem(twinCode(code)))) return { ok: false, error: 'item-not-cage' };
        // A cage label this device has never seen may be another region's, or a slip.
        if ((await checkCodeRegion(code)) === 'other') return { ok: false, error: 'other-region' };
        return { ok: true, ask: { cage: code, open: await openSelectedCage(), confirm: openCage } };
      }
      const item = await getItem(code);
      const known = isLive(item);
      if (!known && item === undefined && (await getCage(twinCode(code))))
        return { ok: false, error: 'cage-not-item' };
      go({ name: known ? 'item' : 'new-item', code });
      return { ok: true };
    },
    [author, go, show, t],
  );
}
