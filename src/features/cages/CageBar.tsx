// The cage strip on the intake screen: which cage new items go into, and how full it is.
import { formatCode } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useCage, useCageContents } from '../../storage';
import { useSelectedCageCode } from './cageActions';

/** Shows the open cage (or how to open one). */
export function CageBar() {
  const { t, tn } = useT();
  const go = useNavigation((s) => s.go);
  const cage = useCage(useSelectedCageCode() ?? null);
  const open = cage?.status === 'open' ? cage : null;
  const contents = useCageContents(open) ?? [];
  if (!open) {
    return (
      <section className="panel cage-bar cage-bar-empty" aria-label={t('cage.bar.label')}>
        <p>
          <span aria-hidden="true">🛒</span> {t('cage.bar.none')}
        </p>
      </section>
    );
  }
  return (
    <section className="panel cage-bar" aria-label={t('cage.bar.label')}>
      <p>
        <span aria-hidden="true">🛒</span> {t('cage.bar.open')}{' '}
        <strong className="code">{formatCode(open.code)}</strong> ·{' '}
        {tn('cage.items', contents.length)}
      </p>
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => {
          go({ name: 'cage', code: open.code });
        }}
      >
        {t('cage.bar.view')}
      </button>
    </section>
  );
}
