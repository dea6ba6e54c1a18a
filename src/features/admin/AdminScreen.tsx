// Administration for coordinators and admins (online): sites, people, devices, label codes,
// appliance lookup across the region and the change log, one section at a time.
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useSyncStatus } from '../../sync/status';
import { AuditPanel } from './AuditPanel';
import { DevicesPanel } from './DevicesPanel';
import { LabelsPanel } from './LabelsPanel';
import { LookupPanel } from './LookupPanel';
import { PeoplePanel } from './PeoplePanel';
import { ADMIN_SECTIONS, type AdminSection } from './sections';
import { SitesPanel } from './SitesPanel';

const PANELS: Record<AdminSection, () => React.JSX.Element> = {
  sites: SitesPanel,
  people: PeoplePanel,
  devices: DevicesPanel,
  labels: LabelsPanel,
  lookup: LookupPanel,
  audit: AuditPanel,
};

/** The administration screen, showing one section. */
export function AdminScreen({ section }: { section: AdminSection }) {
  const { t } = useT();
  const go = useNavigation((s) => s.go);
  const online = useSyncStatus((s) => s.online);
  const Panel = PANELS[section];
  return (
    <>
      <h1>{t('admin.title')}</h1>
      {online === false && <p className="notice notice-warn">{t('admin.offline')}</p>}
      <nav aria-label={t('admin.sections')} className="choice-row">
        {ADMIN_SECTIONS.map((name) => (
          <button
            key={name}
            type="button"
            className="btn btn-light btn-small"
            aria-current={name === section ? 'page' : undefined}
            aria-pressed={name === section}
            onClick={() => {
              go({ name: 'admin', section: name });
            }}
          >
            {t(`admin.section.${name}`)}
          </button>
        ))}
      </nav>
      <Panel key={section} />
    </>
  );
}
