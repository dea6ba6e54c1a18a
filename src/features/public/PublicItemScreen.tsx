// /i/<code> on a phone that is not a Bewaar device (a customer scanned the label): a friendly card
// for an appliance that is for sale or sold — only what the server hands out for customers (kind,
// brand, model, tests passed, warranty, price, kringwinkel); a neutral page otherwise.
// It is a shopper's first and only screen: it imports the domain's modules it needs by name, not
// the domain's index, which would bring the event schemas (and zod) along.
import { useEffect, useState } from 'react';
import { categoryById } from '../../domain/categories';
import { formatCode, parseCode } from '../../domain/labelCode';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import type { PublicItem } from '../../sync/adminApi';
import { createApi } from '../../sync/api';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { publicDate, publicMoney } from './publicFormat';

/** The public card of a label code. */
export function PublicItemScreen({ code }: { code: string }) {
  const { t, tn, lang } = useT();
  const go = useNavigation((s) => s.go);
  const parsed = parseCode(code);
  const canonical = parsed.ok && parsed.kind === 'item' ? parsed.code : null;
  const [item, setItem] = useState<PublicItem | null | undefined>(canonical ? undefined : null);
  useEffect(() => {
    if (!canonical) return;
    let live = true;
    createApi()
      .json<PublicItem>(`/public/items/${canonical}`)
      .then(
        (found) => {
          if (live) setItem(found);
        },
        () => {
          if (live) setItem(null);
        },
      );
    return () => {
      live = false;
    };
  }, [canonical]);
  const category = item ? categoryById(item.category) : undefined;
  return (
    <main id="main" className="screen public-item">
      <LanguagePicker />
      {item === undefined && <p role="status">{t('common.loading')}</p>}
      {item === null && (
        <>
          <h1>{t('public.neutral.title')}</h1>
          <p>{t('public.neutral.text')}</p>
        </>
      )}
      {item && (
        <article className="panel">
          <h1>{t('public.title')}</h1>
          <p className="public-icon" aria-hidden="true">
            {category?.icon ?? '♻️'}
          </p>
          <dl className="facts">
            <dt>{t('form.category')}</dt>
            <dd>{item.categoryName[lang]}</dd>
            {item.brand && (
              <>
                <dt>{t('form.brand')}</dt>
                <dd>{item.brand}</dd>
              </>
            )}
            {item.model && (
              <>
                <dt>{t('public.model')}</dt>
                <dd>{item.model}</dd>
              </>
            )}
            <dt>{t('public.tests')}</dt>
            <dd>
              {item.tests.length > 0 ? (
                <ul className="public-tests">
                  {item.tests.map((test) => (
                    <li key={test}>
                      <span aria-hidden="true">✓ </span>
                      {t(`public.test.${test}`)}
                    </li>
                  ))}
                </ul>
              ) : (
                '—'
              )}
            </dd>
            {item.warrantyMonths !== null && (
              <>
                <dt>{t('public.warranty')}</dt>
                <dd>
                  {item.warrantyMonths === 0
                    ? t('public.warranty.none')
                    : tn('public.warranty.months', item.warrantyMonths)}
                </dd>
              </>
            )}
            {item.priceEur !== null && (
              <>
                <dt>{t('public.price')}</dt>
                <dd className="public-price">{publicMoney(item.priceEur, lang)}</dd>
              </>
            )}
            <dt>{t(item.status === 'sold' ? 'public.sold' : 'public.for-sale')}</dt>
            <dd>{publicDate(item.since, lang)}</dd>
            <dt>{t('public.shop')}</dt>
            <dd>{item.shop ?? '—'}</dd>
          </dl>
          <p className="muted">
            {t('public.code')} <span className="code">{formatCode(item.code)}</span>
          </p>
        </article>
      )}
      {/* Shown with the answer, not before: the card would push them down (a layout shift). */}
      {item !== undefined && (
        <>
          <p className="hint">{t('public.about')}</p>
          <button
            type="button"
            className="btn btn-light btn-small"
            onClick={() => {
              go({ name: 'intake' });
            }}
          >
            {t('public.staff')}
          </button>
        </>
      )}
    </main>
  );
}
