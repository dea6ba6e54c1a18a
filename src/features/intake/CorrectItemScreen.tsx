// Correcting a registration writes item.corrected with only the fields that changed.
import { formatCode } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import type { ItemRow } from '../../storage';
import { useToast } from '../../ui/toast';
import { useSession } from '../setup/session';
import {
  correctItem,
  registrationOf,
  type CorrectionData,
  type RegisteredData,
} from './itemActions';
import { ItemForm } from './ItemForm';

/** The fields whose value differs (a cleared optional text becomes an empty correction). */
export function changedFields(before: RegisteredData, after: RegisteredData): CorrectionData {
  const changes: Record<string, unknown> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<
    keyof RegisteredData
  >;
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = b ?? '';
  }
  return changes;
}

/** The correction form of one item. */
export function CorrectItemScreen({ item }: { item: ItemRow }) {
  const { t } = useT();
  const { author } = useSession();
  const go = useNavigation((s) => s.go);
  const show = useToast((s) => s.show);
  const before = registrationOf(item);
  return (
    <>
      <h1>
        {t('item.correct.title')} <span className="code">{formatCode(item.code)}</span>
      </h1>
      <ItemForm
        initial={before}
        submitLabel={t('item.correct.save')}
        onCancel={() => {
          go({ name: 'item', code: item.code }, { replace: true });
        }}
        onSubmit={async (after) => {
          // A coordinator acts for no site of their own: the correction belongs to the item's.
          const by = author.site ? author : { ...author, site: item.site ?? '' };
          const changed = await correctItem(by, item.code, changedFields(before, after));
          show(t(changed ? 'item.corrected' : 'item.unchanged'));
          go({ name: 'item', code: item.code }, { replace: true });
        }}
      />
    </>
  );
}
