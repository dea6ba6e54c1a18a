// A cage seen from the kringwinkel: the driver takes it over, the shop receives it and scans its
// items one by one against what the park put in, then says it is unpacked (the rest is missing).
import { useCallback, useState } from 'react';
import { formatCode, hlcWallMs, parseCode, type CageState } from '../../domain';
import { useT } from '../../i18n/i18n';
import { CountDiffers } from './CountDiffers';
import { useNavigation } from '../../state/navigation';
import { useCage, useUnpacking, type ItemRow } from '../../storage';
import { useToast } from '../../ui/toast';
import { receiveItem } from '../bench/benchActions';
import { itemTitle } from '../intake/itemLabel';
import { ScanPanel } from '../intake/ScanPanel';
import type { ScanFeedback } from '../intake/useScanHandler';
import { useSiteName } from '../setup/names';
import { useSession } from '../setup/session';
import { useCommand } from '../useCommand';
import { collectCage, finishUnpacking, receiveCage } from './cageActions';
import { Breakable } from '../../ui/Breakable';

/** The cage card on a shop device (`canAct`) or the coordinator's laptop (read only). */
export function ShopCageScreen({ code, canAct }: { code: string; canAct: boolean }) {
  const tr = useT();
  const { t } = tr;
  const cage = useCage(code);
  const siteName = useSiteName();
  if (cage === undefined) return <p role="status">{t('common.loading')}</p>;
  const title = <h1>{t('cage.title', { code: formatCode(code) })}</h1>;
  if (cage === null) {
    return (
      <>
        {title}
        <p>{t('cage.shop.unknown')}</p>
      </>
    );
  }
  return (
    <>
      {title}
      <p>
        <span className={`badge badge-cage-${cage.status}`}>{t(`cage.status.${cage.status}`)}</span>
      </p>
      <dl className="facts">
        <dt>{t('cage.from')}</dt>
        <dd>{siteName(cage.site)}</dd>
        <dt>{t('cage.closed-on')}</dt>
        <dd>
          {cage.closedAt
            ? t('cage.closed-counted', {
                when: tr.dateTime(hlcWallMs(cage.closedAt)),
                count: cage.closedCount ?? 0,
              })
            : '—'}
          {cage.closedAt && <CountDiffers cage={cage} />}
        </dd>
        {cage.collectedAt && (
          <>
            <dt>{t('cage.collected-on')}</dt>
            <dd>{tr.dateTime(hlcWallMs(cage.collectedAt))}</dd>
          </>
        )}
        {cage.receivedAt && (
          <>
            <dt>{t('cage.received-on')}</dt>
            <dd>{tr.dateTime(hlcWallMs(cage.receivedAt))}</dd>
          </>
        )}
      </dl>
      {canAct && <Handover cage={cage} />}
      {cage.status === 'received' && <Unpacking cage={cage} canAct={canAct} />}
    </>
  );
}

/** The two buttons of the handover: the driver's and the shop's. */
function Handover({ cage }: { cage: CageState }) {
  const { t } = useT();
  const { author } = useSession();
  const show = useToast((s) => s.show);
  const run = useCommand();
  if (cage.status === 'open') return <p className="notice">{t('cage.shop.still-open')}</p>;
  if (cage.status === 'received') return null;
  return (
    <div className="form-actions">
      {cage.status === 'closed' && (
        <button
          type="button"
          className="btn btn-secondary btn-large"
          onClick={() => {
            void run(() => collectCage(author, cage.code)).then((ok) => {
              if (ok) show(t('cage.shop.collected'));
            });
          }}
        >
          <span aria-hidden="true">🚚</span> {t('cage.shop.collect')}
        </button>
      )}
      <button
        type="button"
        className="btn btn-primary btn-large"
        onClick={() => {
          void run(() => receiveCage(author, cage.code)).then((ok) => {
            if (ok) show(t('cage.shop.received'));
          });
        }}
      >
        <span aria-hidden="true">🏬</span> {t('cage.shop.receive')}
      </button>
    </div>
  );
}

function Unpacking({ cage, canAct }: { cage: CageState; canAct: boolean }) {
  const { t } = useT();
  const { author } = useSession();
  const go = useNavigation((s) => s.go);
  const show = useToast((s) => s.show);
  const lists = useUnpacking(cage);
  const onScan = useCallback(
    async (raw: string): Promise<ScanFeedback> => {
      const parsed = parseCode(raw);
      if (!parsed.ok) return { ok: false, error: parsed.error };
      if (parsed.kind === 'cage') {
        go({ name: 'cage', code: parsed.code });
        return { ok: true };
      }
      const fresh = await receiveItem(author, parsed.code, cage.code);
      const key = fresh ? 'unpack.scanned' : 'unpack.already';
      show(t(key, { code: formatCode(parsed.code) }));
      return { ok: true };
    },
    [author, cage.code, go, show, t],
  );
  if (!lists) return <p role="status">{t('common.loading')}</p>;
  const { expected, unexpected } = lists;
  const scanned = expected.filter((i) => i.receivedAt !== null).length;
  const unpacked = cage.unpackedAt !== null;
  return (
    <section aria-labelledby="unpack-title">
      <h2 id="unpack-title">{t(unpacked ? 'unpack.done.title' : 'unpack.title')}</h2>
      <p className="unpack-progress" role="status">
        {t('unpack.progress', { scanned, expected: expected.length })}
        {unexpected.length > 0 && ` · ${t('unpack.extra', { count: unexpected.length })}`}
      </p>
      {canAct && (
        <ScanPanel active onScan={onScan} title={unpacked ? 'unpack.scan.late' : 'unpack.scan'} />
      )}
      <h3>{t('unpack.expected')}</h3>
      <ItemRows items={expected} />
      {unexpected.length > 0 && (
        <>
          <h3>{t('unpack.unexpected')}</h3>
          <p className="hint">{t('unpack.unexpected.help')}</p>
          <ItemRows items={unexpected} />
        </>
      )}
      {canAct && !unpacked && <FinishUnpacking cage={cage} unscanned={expected.length - scanned} />}
    </section>
  );
}

/** Expected or extra items with where they stand: scanned, still to scan, missing. */
function ItemRows({ items }: { items: readonly ItemRow[] }) {
  const tr = useT();
  const { t, lang } = tr;
  const go = useNavigation((s) => s.go);
  const siteName = useSiteName();
  return (
    <ul className="item-list panel">
      {items.map((item) => {
        const state = !item.registered
          ? 'unregistered'
          : item.receivedAt !== null
            ? 'scanned'
            : item.status === 'missing'
              ? 'missing'
              : 'waiting';
        return (
          <li key={item.code} data-code={item.code} data-state={state}>
            <button
              type="button"
              className="row-button"
              onClick={() => {
                go({ name: 'item', code: item.code });
              }}
            >
              <span className="code">{formatCode(item.code)}</span>
              <span>
                {item.registered ? (
                  <Breakable text={itemTitle(item, lang)} />
                ) : (
                  t('unpack.unregistered')
                )}
              </span>
              <span className={`badge badge-unpack-${state}`}>{t(`unpack.state.${state}`)}</span>
              {item.registeredAt && (
                <span className="muted">
                  {siteName(item.site)} · {tr.date(hlcWallMs(item.registeredAt))}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function FinishUnpacking({ cage, unscanned }: { cage: CageState; unscanned: number }) {
  const { t, tn } = useT();
  const { author } = useSession();
  const show = useToast((s) => s.show);
  const run = useCommand();
  const [confirming, setConfirming] = useState(false);
  const finish = () => {
    void run(() => finishUnpacking(author, cage.code)).then((ok) => {
      if (ok) show(t('unpack.finished'));
    });
  };
  if (confirming) {
    return (
      <div className="panel notice-warn" role="alertdialog" aria-labelledby="unpack-confirm">
        <p id="unpack-confirm">{tn('unpack.confirm', unscanned)}</p>
        <div className="form-actions">
          <button type="button" className="btn btn-primary" onClick={finish}>
            {t('unpack.confirm.yes')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              setConfirming(false);
            }}
          >
            {t('unpack.confirm.no')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <button
      type="button"
      className="btn btn-primary btn-block btn-large"
      onClick={() => {
        if (unscanned > 0) setConfirming(true);
        else finish();
      }}
    >
      {t('unpack.finish')}
    </button>
  );
}
