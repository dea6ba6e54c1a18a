// The café files of what a screen shows (a session, or a period and café): made here, offline,
// from the device's visits and sessions. Never a visitor's contact: the domain has none to write.
import { useState } from 'react';
import type { CafeFilter, SessionState, VisitState } from '../../domain';
import { useT } from '../../i18n/i18n';
import { useSiteName } from '../setup/names';
import { useSession } from '../setup/session';
import { useCommand } from '../useCommand';
import { downloadCafeExport, type CafeExportKind } from './cafeExports';
import { ordsGroupOf, useCafeSites } from './cafeSites';

/** Export buttons for the café files `kinds`. */
export function CafeExports({
  visits,
  sessions,
  filter,
  kinds,
}: {
  visits: readonly VisitState[];
  sessions: readonly SessionState[];
  filter: CafeFilter;
  kinds: readonly CafeExportKind[];
}) {
  const { t, lang } = useT();
  const { profile } = useSession();
  const siteName = useSiteName();
  const cafes = useCafeSites();
  const run = useCommand();
  const [busy, setBusy] = useState<CafeExportKind | null>(null);
  const make = (kind: CafeExportKind) => {
    setBusy(kind);
    const context = {
      visits,
      sessions,
      filter,
      lang,
      provider: profile.tenantName,
      siteName,
      ordsGroup: ordsGroupOf(cafes),
    };
    void run(async () => {
      try {
        await downloadCafeExport(kind, context);
      } catch (error) {
        console.error(`café export ${kind} failed`, error);
        throw error;
      }
    }, 'cafe.office.export.failed').finally(() => {
      setBusy(null);
    });
  };
  return (
    <section className="panel no-print" aria-labelledby="cafe-exports-title">
      <h2 id="cafe-exports-title">{t('cafe.office.export.title')}</h2>
      <p className="hint">{t('cafe.office.export.help')}</p>
      <div className="form-actions form-actions-start">
        {kinds.map((kind) => (
          <button
            key={kind}
            type="button"
            className="btn btn-secondary"
            disabled={busy !== null}
            onClick={() => {
              make(kind);
            }}
          >
            ⬇️ {t(`cafe.office.export.${kind}`)}
          </button>
        ))}
      </div>
      <p role="status" className="hint export-status">
        {busy && t('figures.export.busy')}
      </p>
    </section>
  );
}
