// "Who are you?": the person picks their name from the site's roster (kept by the coordinator).
import { useT } from '../../i18n/i18n';
import { useNavigation } from '../../state/navigation';
import { choosePerson, type DeviceProfile, type Person } from './deviceProfile';

/** Big name buttons; one tap and the person works under their own name. */
export function PersonPicker({ profile }: { profile: DeviceProfile }) {
  const { t } = useT();
  const go = useNavigation((s) => s.go);
  const pick = async (person: Person) => {
    await choosePerson(person.id);
    // On a café device the person's role picks their place: a fixer's table, the host's door.
    if (profile.siteKind === 'cafe')
      go({ name: person.role === 'fixer' ? 'cafe-table' : 'cafe-door' }, { replace: true });
  };
  return (
    <main className="setup" id="main">
      <h1>{t('person.title')}</h1>
      <p>{profile.siteName}</p>
      <ul className="person-list">
        {profile.roster.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              className="btn btn-secondary btn-large btn-block"
              onClick={() => void pick(p)}
            >
              👤 {p.name}
            </button>
          </li>
        ))}
      </ul>
      <p className="hint">{t('person.missing')}</p>
    </main>
  );
}
