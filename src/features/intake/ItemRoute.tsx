// /i/<code>: a known item shows its card, an unknown (or undone) one the new-item form, a bad code
// a clear message. This is also where a phone camera lands after reading a label.
import { parseCode } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useItem } from '../../storage';
import { CageRoute } from '../cages/CageRoute';
import { useSession } from '../setup/session';
import { CorrectItemScreen } from './CorrectItemScreen';
import { ItemScreen } from './ItemScreen';
import { NewItemScreen } from './NewItemScreen';

/** Chooses the screen for an item code from the address bar or a scan. */
export function ItemRoute({ code, correct = false }: { code: string; correct?: boolean }) {
  const { t } = useT();
  const { profile } = useSession();
  const parsed = parseCode(code);
  const canonical = parsed.ok ? parsed.code : null;
  const item = useItem(canonical);
  if (!parsed.ok) {
    return (
      <p className="message message-error" role="alert">
        {t(`scan.error.${parsed.error}`)}
      </p>
    );
  }
  if (parsed.kind === 'cage') return <CageRoute code={parsed.code} />;
  if (item === undefined) return <p role="status">{t('common.loading')}</p>;
  if (!item?.registered || item.voided) {
    // The office registers nothing: an unknown code there is simply not (yet) known.
    if (profile.siteKind === 'office') return <p className="notice">{t('item.unknown')}</p>;
    return <NewItemScreen code={parsed.code} />;
  }
  return correct ? <CorrectItemScreen item={item} /> : <ItemScreen item={item} />;
}
