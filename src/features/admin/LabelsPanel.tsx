// Label codes: reserve N new item or cage codes (the server never hands a code out twice), see
// earlier batches, and print a batch or one code again.
import { useState, type SyntheticEvent } from 'react';
import { parseCode } from '../../domain';
import { useT } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';
import { useNavigation } from '../../state/navigation';
import type { AdminApi } from '../../sync/adminApi';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { TextField } from '../../ui/TextField';
import { adminError, useAdminLoad } from './useAdmin';

const loadBatches = (api: AdminApi) => api.labelBatches();

/** The labels section. */
export function LabelsPanel() {
  const tr = useT();
  const { t } = tr;
  const go = useNavigation((s) => s.go);
  const { data, error, reload, api } = useAdminLoad(loadBatches);
  const [kind, setKind] = useState<'item' | 'cage'>('item');
  const [count, setCount] = useState('24');
  const [reprint, setReprint] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);
  const reserve = (event: SyntheticEvent) => {
    event.preventDefault();
    const n = /^\d{1,4}$/.test(count.trim()) ? Number(count.trim()) : 0;
    if (n < 1 || n > 1000) {
      setProblem('admin.labels.error.count');
      return;
    }
    setBusy(true);
    api.reserveLabels(kind, n).then(
      ({ batch }) => {
        setBusy(false);
        setProblem(null);
        reload();
        go({ name: 'labels-print', batch: batch.id });
      },
      (e: unknown) => {
        setBusy(false);
        setProblem(adminError(e));
      },
    );
  };
  const printOne = (event: SyntheticEvent) => {
    event.preventDefault();
    const parsed = parseCode(reprint);
    if (!parsed.ok) {
      setProblem(`scan.error.${parsed.error}`);
      return;
    }
    api.label(parsed.code).then(
      () => {
        setProblem(null);
        go({ name: 'labels-print', batch: `code:${parsed.code}` });
      },
      (e: unknown) => {
        setProblem(adminError(e));
      },
    );
  };
  return (
    <>
      <h2>{t('admin.labels')}</h2>
      <form className="panel" onSubmit={reserve} noValidate>
        <h3>{t('admin.labels.new')}</h3>
        <ChoiceGroup
          legend={t('admin.labels.kind')}
          value={kind}
          onChange={setKind}
          options={[
            { value: 'item', label: t('admin.labels.kind.item') },
            { value: 'cage', label: t('admin.labels.kind.cage') },
          ]}
        />
        <TextField
          label={t('admin.labels.count')}
          value={count}
          onChange={setCount}
          inputMode="numeric"
        />
        <p className="hint">{t('admin.labels.count.help')}</p>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('admin.labels.reserve')}
        </button>
      </form>
      <form className="panel" onSubmit={printOne} noValidate>
        <h3>{t('admin.labels.reprint')}</h3>
        <TextField label={t('admin.labels.reprint.code')} value={reprint} onChange={setReprint} />
        <button type="submit" className="btn btn-secondary">
          {t('admin.labels.reprint.submit')}
        </button>
      </form>
      {(problem ?? error) && (
        <p className="message message-error" role="alert">
          {t(problem ?? error ?? 'admin.error.server')}
        </p>
      )}
      <h3>{t('admin.labels.batches')}</h3>
      {data?.batches.length === 0 && <p className="hint">{t('admin.labels.none')}</p>}
      <ul className="item-list panel">
        {data?.batches.map((batch) => (
          <li key={batch.id} data-batch={batch.id}>
            <div className="row-text">
              <strong>{t(`admin.labels.batch.${batch.kind}`, { count: batch.count })}</strong>
              <br />
              <span className="muted">{tr.dateTime(Date.parse(batch.createdAt))}</span>
            </div>
            <button
              type="button"
              className="btn btn-secondary btn-small"
              onClick={() => {
                go({ name: 'labels-print', batch: batch.id });
              }}
            >
              {t('admin.labels.print')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
