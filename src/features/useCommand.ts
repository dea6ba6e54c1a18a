// Runs a person's command (a write) and says so when it fails: a full disk in plain words, any
// other failure as "did not work, try again". Nothing fails silently.
import { useCallback } from 'react';
import { useT } from '../i18n/i18n';
import { StorageFullError } from '../storage';
import { useToast } from '../ui/toast';

/** Returns `run(action)`: resolves true when the action succeeded. */
export function useCommand(): (action: () => Promise<unknown>) => Promise<boolean> {
  const { t } = useT();
  const show = useToast((s) => s.show);
  return useCallback(
    async (action) => {
      try {
        await action();
        return true;
      } catch (error) {
        const key =
          error instanceof StorageFullError ? 'form.error.storage-full' : 'command.failed';
        show(t(key), { tone: 'error' });
        return false;
      }
    },
    [show, t],
  );
}
