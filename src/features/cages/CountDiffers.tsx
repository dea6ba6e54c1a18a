// The park's count next to what the closing device had registered, when the two differ.
import type { CageState } from '../../domain';
import { useT } from '../../i18n/i18n';

/** The park's count next to what it had registered, when the two differ (recorded at closing
 * since this release; a projection stored before it has no such field): the park sees it on
 * its closed cage, the shop when the cage comes in. */
export function CountDiffers({ cage }: { cage: CageState }) {
  const { t } = useT();
  const registered = cage.closedRegistered ?? null;
  if (registered === null || registered === cage.closedCount) return null;
  return (
    <span className="badge badge-count-differs" data-testid="count-differs">
      <span aria-hidden="true">⚠️ </span>
      {t('cage.count-differs', { counted: cage.closedCount ?? 0, registered })}
    </span>
  );
}
