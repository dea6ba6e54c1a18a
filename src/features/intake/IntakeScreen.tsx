// The park tablet's home: scan (camera, typed, hardware scanner), the open cage, today's items.
import { useT } from '../../i18n/i18n';
import { CageBar } from '../cages/CageBar';
import { useSession } from '../setup/session';
import { TodayList } from '../today/TodayList';
import { useKindOrder } from './kindRanking';
import { ScanPanel } from './ScanPanel';

/** How many of today's items the intake screen lists; the Today screen has them all. */
const RECENT = 20;

/** The intake screen. */
export function IntakeScreen({ active }: { active: boolean }) {
  const { t } = useT();
  const { profile } = useSession();
  // Counted now, while the person scans: the form that opens next has its kinds in order.
  useKindOrder(profile.siteId);
  return (
    <>
      <h1 className="visually-hidden">{t('intake.title', { park: profile.siteName })}</h1>
      <div className="intake-layout">
        <div className="intake-main">
          <CageBar />
          <ScanPanel active={active} />
        </div>
        <TodayList limit={RECENT} />
      </div>
    </>
  );
}
