// Administration for coordinators and admins (online): sites, people, devices, label codes,
// appliance lookup across the region and the change log, one section at a time; admins also
// manage their regions.
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { useSyncStatus } from '../../sync/status';
import { useSession } from '../setup/session';
import { AuditPanel } from './AuditPanel';
import { DevicesPanel } from './DevicesPanel';
import { LabelsPanel } from './LabelsPanel';
import { LookupPanel } from './LookupPanel';
import { PeoplePanel } from './PeoplePanel';
import { RegionsPanel } from './RegionsPanel';
import { mayOpenSection, sectionsFor, type AdminSection } from './sections';
import { SitesPanel } from './SitesPanel';

const PANELS: Record<AdminSection, () => React.JSX.Element> = {
  sites: SitesPanel,
  people: PeoplePanel,
  devices: DevicesPanel,
  labels: LabelsPanel,
  lookup: LookupPanel,
  audit: AuditPanel,
  regions: RegionsPanel,
};

/** The administration screen, showing one section. */
export function AdminScreen({ section }: { section: AdminSection }) {
  const { t } = useT();
  const go = useNavigation((s) => s.go);
  const online = useSyncStatus((s) => s.online);
  const role = useSession().person.role;
  const Panel = PANELS[section];
  return (
    <>
      <h1>{t('admin.title')}</h1>
      {online === false && <p className="notice notice-warn">{t('admin.offline')}</p>}
      <nav aria-label={t('admin.sections')} className="choice-row">
        {sectionsFor(role).map((name) => (
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
      {mayOpenSection(section, role) ? (
        <Panel key={section} />
      ) : (
        <p className="notice notice-warn">{t('admin.regions.admin-only')}</p>
      )}
    </>
  );
}
