// A new item: the code was valid and unknown on this device. Saving writes item.registered (and
// item.caged when a cage is open) and returns to the intake screen with an undo.
import { useEffect } from 'react';
import { formatCode } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useCage, useItem } from '../../storage';
import { useToast } from '../../ui/toast';
import { useSelectedCageCode } from '../cages/cageActions';
import { useSession } from '../setup/session';
import { useSyncHold } from '../sync/syncContext';
import { receiveItem } from '../bench/benchActions';
import { registerIntoSelectedCage, registerItem } from './itemActions';
import { ItemForm } from './ItemForm';
import { noteKindRegistered, useKindOrder } from './kindRanking';
import { rememberRegistration, restoreRegistration, undoRegistration } from './lastRegistration';
import { useCodeRegion } from './useCodeRegion';

/** The new-item form for one code. */
export function NewItemScreen({ code }: { code: string }) {
  const { t } = useT();
  const { author, profile } = useSession();
  const atShop = profile.siteKind !== 'park';
  const go = useNavigation((s) => s.go);
  const show = useToast((s) => s.show);
  const dismiss = useToast((s) => s.dismiss);
  // The previous save's toast would cover the form; its undo stays in today's list.
  useEffect(dismiss, [dismiss]);
  const selected = useSelectedCageCode();
  const cage = useCage(selected ?? null);
  // Until the selected cage has loaded, say nothing rather than warn that there is none.
  const loading = selected === undefined || (selected !== null && cage === undefined);
  const openCage = cage?.status === 'open' ? cage.code : null;
  const region = useCodeRegion(code);
  // Scanned while unpacking a cage, before anyone registered it: the form says which cage.
  const unpackedFrom = useItem(atShop ? code : null)?.receivedCage ?? null;
  const kindOrder = useKindOrder(profile.siteId);
  // The tap on "Bewaren" may come at any moment: sync's rounds wait until the save is shown.
  useSyncHold();
  if (region === 'other') {
    return (
      <>
        <h1>
          {t('item.other-region.title')} <span className="code">{formatCode(code)}</span>
        </h1>
        <p className="message message-error" role="alert">
          {t('scan.error.other-region')}
        </p>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => {
            go({ name: 'intake' });
          }}
        >
          {t('common.back')}
        </button>
      </>
    );
  }
  return (
    <>
      <h1 className="item-new-title">
        {t('item.new.title')} <span className="code">{formatCode(code)}</span>
      </h1>
      {atShop ? (
        <p className="notice item-new-where">
          {unpackedFrom && <>{t('item.custody.unpacked', { cage: formatCode(unpackedFrom) })}. </>}
          {t('item.new.shop')}
        </p>
      ) : loading ? (
        <p className="notice item-new-where">{t('common.loading')}</p>
      ) : (
        <p className={`notice item-new-where${openCage ? '' : ' notice-warn'}`}>
          {openCage
            ? t('item.new.into-cage', { cage: formatCode(openCage) })
            : t('item.new.no-cage')}
        </p>
      )}
      <ItemForm
        submitLabel={t('form.save')}
        kindOrder={kindOrder}
        onCancel={() => {
          go({ name: 'intake' });
        }}
        onSubmit={async (data) => {
          if (atShop) {
            // A quick registration at the shop: the item is here, so it is received as well.
            await registerItem(author, code, data, null);
            await receiveItem(author, code, null);
            show(t('item.saved', { code: formatCode(code) }));
            go({ name: 'item', code }, { replace: true });
            return;
          }
          await registerIntoSelectedCage(author, code, data);
          rememberRegistration(code, author.actor);
          noteKindRegistered(profile.siteId, data.category);
          show(t('item.saved', { code: formatCode(code) }), {
            action: {
              label: t('common.undo'),
              run: async () => {
                // Whichever undo is tapped first (here or in today's list) voids; the other nothing.
                if (!(await undoRegistration(author, code))) return;
                show(t('item.undone', { code: formatCode(code) }), {
                  action: {
                    label: t('today.restore'),
                    run: () => restoreRegistration(author, code, data),
                  },
                });
              },
            },
          });
          go({ name: 'intake' }, { replace: true });
        }}
      />
    </>
  );
}
