// Runs a person's command (a write) and says so when it fails: a full disk in plain words, any
// other failure as "did not work, try again" (or the command's own words for it). Nothing fails
// silently.
import { useCallback } from 'react';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { StorageFullError } from '../storage';
import { useToast } from '../ui/toast';

/** Returns `run(action, failed?)`: resolves true when the action succeeded; `failed` is the
 * message for a failure other than a full disk. */
export function useCommand(): (
  action: () => Promise<unknown>,
  failed?: MessageKey,
) => Promise<boolean> {
  const { t } = useT();
  const show = useToast((s) => s.show);
  return useCallback(
    async (action, failed = 'command.failed') => {
      try {
        await action();
        return true;
      } catch (error) {
        const key = error instanceof StorageFullError ? 'form.error.storage-full' : failed;
        show(t(key), { tone: 'error' });
        return false;
      }
    },
    [show, t],
  );
}
