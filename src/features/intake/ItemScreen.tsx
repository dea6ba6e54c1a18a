// An item's card: what is known about it and its history, with correction and caging.
import { categoryById, formatCode, hlcWallMs } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useCage, useHistory, type ItemRow } from '../../storage';
import { useToast } from '../../ui/toast';
import { useSelectedCageCode } from '../cages/cageActions';
import { BenchPanel } from '../bench/BenchPanel';
import { StepResult } from '../bench/StepResult';
import { usePersonName, useSiteName } from '../setup/names';
import { useSession } from '../setup/session';
import { custodyOf } from './custody';
import { cageItem } from './itemActions';
import { itemTitle } from './itemLabel';
import { PhotoThumb } from './PhotoField';
import { Breakable } from '../../ui/Breakable';

/** The card of a registered item. */
export function ItemScreen({ item }: { item: ItemRow }) {
  const tr = useT();
  const { t, lang } = tr;
  const { author, profile } = useSession();
  const go = useNavigation((s) => s.go);
  const show = useToast((s) => s.show);
  const personName = usePersonName();
  const siteName = useSiteName();
  const history = useHistory(item.code) ?? [];
  const selected = useCage(useSelectedCageCode() ?? null);
  const canCage =
    profile.siteKind === 'park' &&
    selected?.status === 'open' &&
    selected.code !== item.cage &&
    item.status === 'registered';
  const category = item.category === null ? undefined : categoryById(item.category);
  return (
    <>
      <h1>
        <Breakable text={itemTitle(item, lang)} />{' '}
        <span className="code">{formatCode(item.code)}</span>
      </h1>
      <p>
        <span className={`badge badge-${item.status}`}>{t(`status.${item.status}`)}</span>
      </p>
      <dl className="facts">
        <dt>{t('form.category')}</dt>
        <dd>{category ? <Breakable text={category.name[lang]} /> : '—'}</dd>
        <dt>{t('form.brand')}</dt>
        <dd>{item.brand ?? '—'}</dd>
        <dt>{t('form.condition')}</dt>
        <dd>{item.condition ? t(`condition.${item.condition}`) : '—'}</dd>
        <dt>{t('form.complete')}</dt>
        <dd>{item.complete === null ? '—' : t(item.complete ? 'common.yes' : 'common.no')}</dd>
        <dt>{t('form.weight')}</dt>
        <dd>
          {item.weightKg === null ? '—' : tr.kg(item.weightKg, 3)} (
          {t(item.weighed ? 'item.weighed' : 'item.estimated')})
        </dd>
        <dt>{t('item.origin')}</dt>
        <dd>
          {[
            item.site ? siteName(item.site) : null,
            item.registeredAt ? tr.dateTime(hlcWallMs(item.registeredAt)) : null,
          ]
            .filter(Boolean)
            .join(' · ') || '—'}
        </dd>
        <dt>{t('item.cage')}</dt>
        <dd>
          <CustodyText item={item} />
        </dd>
        {item.note && (
          <>
            <dt>{t('item.note')}</dt>
            <dd className="note">{item.note}</dd>
          </>
        )}
      </dl>
      {item.photos.length > 0 && (
        <div className="photo-row">
          {item.photos.map((sha, i) => (
            <PhotoThumb key={sha} sha256={sha} alt={t('form.photo.alt', { n: i + 1 })} />
          ))}
        </div>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => {
            go({ name: 'correct-item', code: item.code });
          }}
        >
          ✏️ {t('item.correct')}
        </button>
        {canCage && (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              void cageItem(author, item.code, selected.code).then(() => {
                show(t('item.caged', { cage: formatCode(selected.code) }));
              });
            }}
          >
            {t('item.put-in-cage', { cage: formatCode(selected.code) })}
          </button>
        )}
      </div>
      {profile.siteKind === 'shop' && <BenchPanel item={item} history={history} />}
      <h2>{t('item.history')}</h2>
      <ol className="timeline">
        {history.map((e) => (
          <li key={e.id}>
            <strong>{t(`event.${e.type}`)}</strong>{' '}
            <time dateTime={new Date(hlcWallMs(e.hlc)).toISOString()}>
              {tr.dateTime(hlcWallMs(e.hlc))}
            </time>
            {' · '}
            {personName(e.actor)} · {siteName(e.site)}
            <br />
            <span className="muted">
              <StepResult event={e} />
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

/** Which cage holds the item, or held it until the shop took it out. */
function CustodyText({ item }: { item: ItemRow }) {
  const { t } = useT();
  const custody = custodyOf(item);
  switch (custody.kind) {
    case 'caged':
      return formatCode(custody.cage);
    case 'caged-unpacked-other':
      return t('item.custody.unpacked-other', {
        cage: formatCode(custody.cage),
        other: formatCode(custody.unpackedFrom),
      });
    case 'unpacked':
      return t('item.custody.unpacked', { cage: formatCode(custody.cage) });
    case 'shop-no-cage':
      return t('item.custody.shop-no-cage');
    case 'none':
      return t('item.no-cage');
  }
}
