// The park tablet's home: scan (camera, typed, hardware scanner), the open cage, today's items.
import { useT } from '../../i18n/i18n';
import { CageBar } from '../cages/CageBar';
import { useSession } from '../setup/session';
import { TodayList } from '../today/TodayList';
import { ScanPanel } from './ScanPanel';

/** The intake screen. */
export function IntakeScreen() {
  const { t } = useT();
  const { profile } = useSession();
  return (
    <>
      <h1 className="visually-hidden">{t('intake.title', { park: profile.siteName })}</h1>
      <div className="intake-layout">
        <div className="intake-main">
          <CageBar />
          <ScanPanel />
        </div>
        <TodayList />
      </div>
    </>
  );
}
