// One cage: its contents on this trip, and closing it for pickup with the counted number.
import { useEffect, useId, useRef, useState, type SyntheticEvent } from 'react';
import { formatCode, hlcWallMs } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useCage, useCageContents } from '../../storage';
import { useToast } from '../../ui/toast';
import { itemTitle } from '../intake/itemLabel';
import { useSession } from '../setup/session';
import { useCommand } from '../useCommand';
import { closeCage, openOrSelectCage } from './cageActions';
import { CountDiffers } from './CountDiffers';
import { Breakable } from '../../ui/Breakable';

/** The cage card. */
export function CageScreen({ code }: { code: string }) {
  const tr = useT();
  const { t, tn, lang } = tr;
  const cage = useCage(code);
  // undefined while loading: the close form must not start from a count of an empty list.
  const contents = useCageContents(cage);
  const go = useNavigation((s) => s.go);
  // The last save's toast would cover the close form and its question.
  const dismiss = useToast((s) => s.dismiss);
  useEffect(dismiss, [dismiss]);
  if (cage === undefined) return <p role="status">{t('common.loading')}</p>;
  if (cage === null) {
    return (
      <>
        <h1>{t('cage.title', { code: formatCode(code) })}</h1>
        <p>{t('cage.unknown')}</p>
      </>
    );
  }
  const list = contents ?? [];
  const totalKg = list.reduce((sum, i) => sum + (i.weightKg ?? 0), 0);
  return (
    <>
      <h1>{t('cage.title', { code: formatCode(code) })}</h1>
      <p>
        <span className={`badge badge-cage-${cage.status}`}>{t(`cage.status.${cage.status}`)}</span>{' '}
        {cage.closedAt &&
          cage.status !== 'open' &&
          t('cage.closed-at', {
            when: tr.dateTime(hlcWallMs(cage.closedAt)),
            count: cage.closedCount ?? 0,
          })}{' '}
        {cage.status !== 'open' && <CountDiffers cage={cage} />}
      </p>
      <p>
        {tn('cage.items', list.length)} · {tr.kg(totalKg)}
      </p>
      <ul className="item-list">
        {list.map((item) => (
          <li key={item.code}>
            <button
              type="button"
              className="row-button"
              onClick={() => {
                go({ name: 'item', code: item.code });
              }}
            >
              <span className="code">{formatCode(item.code)}</span>{' '}
              <span>
                <Breakable text={itemTitle(item, lang)} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      {cage.status === 'open' && contents !== undefined && (
        <CloseCageForm code={code} expected={contents.length} />
      )}
      {cage.status === 'closed' && <ReopenCage code={code} />}
    </>
  );
}

function CloseCageForm({ code, expected }: { code: string; expected: number }) {
  const { t } = useT();
  const { author } = useSession();
  const go = useNavigation((s) => s.go);
  const show = useToast((s) => s.show);
  const id = useId();
  const askId = useId();
  const input = useRef<HTMLInputElement>(null);
  // Empty on purpose: the attendant counts what is physically in the cage.
  const [count, setCount] = useState('');
  const run = useCommand();
  const [error, setError] = useState(false);
  // The count that differs from the registered number, asked about before closing.
  const [asking, setAsking] = useState<number | null>(null);
  const question = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asking !== null) question.current?.scrollIntoView({ block: 'nearest' });
  }, [asking]);
  const counted = /^\d{1,4}$/.test(count.trim()) ? Number(count.trim()) : null;
  const close = async (n: number) => {
    if (await run(() => closeCage(author, code, n, expected))) {
      show(t('cage.closed', { code: formatCode(code) }));
      go({ name: 'intake' }, { replace: true });
    }
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (counted === null) {
      setError(true);
      return;
    }
    if (counted !== expected) setAsking(counted);
    else void close(counted);
  };
  return (
    <form className="panel close-cage" onSubmit={submit} noValidate>
      <h2>{t('cage.close.title')}</h2>
      <label htmlFor={id}>{t('cage.close.count')}</label>
      <div className="input-row">
        <input
          id={id}
          ref={input}
          inputMode="numeric"
          placeholder={t('cage.close.placeholder')}
          value={count}
          aria-invalid={error}
          onChange={(e) => {
            setCount(e.target.value);
            setError(false);
            setAsking(null);
          }}
        />
        <button type="submit" className="btn btn-primary btn-large" disabled={asking !== null}>
          {t('cage.close.submit')}
        </button>
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {t('cage.close.error')}
        </p>
      )}
      {asking !== null && (
        <div
          ref={question}
          className="notice notice-warn close-ask"
          role="alertdialog"
          aria-labelledby={askId}
        >
          <p id={askId}>{t('cage.close.ask', { counted: asking, expected })}</p>
          <div className="form-actions">
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setAsking(null);
                setCount('');
                input.current?.focus();
              }}
            >
              {t('cage.close.recount')}
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void close(asking)}>
              {t('cage.close.anyway', { counted: asking })}
            </button>
          </div>
        </div>
      )}
    </form>
  );
}

/** A closed cage still at the park can be opened again (a forgotten item); it is then recounted. */
function ReopenCage({ code }: { code: string }) {
  const { t } = useT();
  const { author } = useSession();
  const show = useToast((s) => s.show);
  const run = useCommand();
  return (
    <button
      type="button"
      className="btn btn-secondary"
      onClick={() => {
        void run(() => openOrSelectCage(author, code, { reopen: true })).then((ok) => {
          if (ok) show(t('cage.reopened', { code: formatCode(code) }));
        });
      }}
    >
      {t('cage.reopen')}
    </button>
  );
}
