// The print view of a label batch (or one code): A4 sheets for common label stock (3×8, 4×10)
// or single labels for a 62 mm roll printer. Each label: the QR code of the code's URL and the
// park's name side by side, and under them the code on a line of its own across the label, so
// it prints whole on every stock, check symbol included (what a person types when the QR is
// torn). Sizes are in mm and pt, so the preview on screen is the label as printed.
import { useCallback, useId, useState } from 'react';
import { codeUrl, formatCode } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import type { AdminApi } from '../../sync/adminApi';
import { useSession } from '../setup/session';
import { QrImage } from './QrImage';
import { useAdminLoad } from './useAdmin';

export const LAYOUTS = {
  '3x8': { page: '210mm 297mm', qr: 96 },
  '4x10': { page: '210mm 297mm', qr: 72 },
  roll62: { page: '62mm 29mm', qr: 80 },
} as const;
type Layout = keyof typeof LAYOUTS;

/** The label print view; `batch` is a batch id or `code:<code>` for a reprint. */
export function LabelSheet({ batch }: { batch: string }) {
  const { t } = useT();
  const { profile } = useSession();
  const go = useNavigation((s) => s.go);
  const ids = { layout: useId(), park: useId() };
  const [layout, setLayout] = useState<Layout>('3x8');
  // Item and cage labels start at a park; a shop receives labelled items and a repair café gives
  // tickets. A site whose kind an older server did not send is taken for a park, as before.
  const parks = Object.entries(profile.directory?.sites ?? {}).filter(
    ([id]) => (profile.directory?.kinds?.[id] ?? 'park') === 'park',
  );
  const [park, setPark] = useState(parks[0]?.[0] ?? '');
  const load = useCallback(
    (api: AdminApi) =>
      batch.startsWith('code:')
        ? Promise.resolve({ codes: [batch.slice(5)] })
        : api.labelBatch(batch).then((b) => ({ codes: b.codes })),
    [batch],
  );
  const { data, error } = useAdminLoad(load);
  const spec = LAYOUTS[layout];
  const parkName = profile.directory?.sites[park] ?? '';
  return (
    <div className={`label-view layout-${layout}`}>
      {/* The page size of the chosen stock, for the browser's print; label sizes are in CSS. */}
      <style>{`@media print { @page { size: ${spec.page}; margin: 0; } }`}</style>
      <div className="no-print">
        <h1>{t('admin.labels.print.title', { count: data?.codes.length ?? 0 })}</h1>
        <div className="filters panel">
          <div className="field">
            <label htmlFor={ids.layout}>{t('admin.labels.layout')}</label>
            <select
              id={ids.layout}
              value={layout}
              onChange={(e) => {
                setLayout(e.target.value as Layout);
              }}
            >
              {(Object.keys(LAYOUTS) as Layout[]).map((key) => (
                <option key={key} value={key}>
                  {t(`admin.labels.layout.${key}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.park}>{t('admin.labels.park')}</label>
            <select
              id={ids.park}
              value={park}
              onChange={(e) => {
                setPark(e.target.value);
              }}
            >
              {parks.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="form-actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              window.print();
            }}
          >
            🖨️ {t('admin.labels.print.now')}
          </button>
          <button
            type="button"
            className="btn btn-secondary"
            onClick={() => {
              go({ name: 'admin', section: 'labels' });
            }}
          >
            {t('admin.labels.back')}
          </button>
        </div>
      </div>
      {error && (
        <p className="message message-error" role="alert">
          {t(error)}
        </p>
      )}
      <div className="label-sheet" data-layout={layout}>
        {data?.codes.map((code) => (
          <div key={code} className="label" data-code={code}>
            <QrImage
              text={codeUrl(window.location.origin, code)}
              size={spec.qr}
              alt={formatCode(code)}
            />
            <span className="label-park">{parkName}</span>
            <strong className="code">{formatCode(code)}</strong>
          </div>
        ))}
      </div>
    </div>
  );
}
