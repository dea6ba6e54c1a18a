// "Who are you?": the attendant picks their name from the park's roster (or adds it).
import { useId, useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import { addToRoster, choosePerson, type DeviceProfile } from './deviceProfile';

/** Big name buttons; one tap and the person works under their own name. */
export function PersonPicker({ profile }: { profile: DeviceProfile }) {
  const { t } = useT();
  const id = useId();
  const [name, setName] = useState('');
  const add = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    const person = await addToRoster(name);
    await choosePerson(person.id);
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
              onClick={() => void choosePerson(p.id)}
            >
              👤 {p.name}
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void add(e)} className="field">
        <label htmlFor={id}>{t('person.add')}</label>
        <div className="input-row">
          <input
            id={id}
            value={name}
            maxLength={60}
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
          <button type="submit" className="btn btn-secondary">
            {t('person.add.submit')}
          </button>
        </div>
      </form>
    </main>
  );
}
