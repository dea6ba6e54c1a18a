// The app shell: set-up and person choice first, then the signed-in screens with header and nav.
import { useMemo } from 'react';
import { CageScreen } from '../features/cages/CageScreen';
import { IntakeScreen } from '../features/intake/IntakeScreen';
import { ItemRoute } from '../features/intake/ItemRoute';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { authorOf, useCurrentPersonId, useDeviceProfile } from '../features/setup/deviceProfile';
import { PersonPicker } from '../features/setup/PersonPicker';
import { SessionContext, type Session } from '../features/setup/session';
import { SetupScreen } from '../features/setup/SetupScreen';
import { TodayList } from '../features/today/TodayList';
import { useT } from '../i18n/i18n';
import { useNavigation, type Route } from '../state/navigation';
import { ToastHost } from '../ui/toast';
import { UpdatePrompt } from '../ui/UpdatePrompt';
import { Header } from './Header';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'intake':
      return null;
    case 'today':
      return <TodayList headingLevel={1} />;
    case 'settings':
      return <SettingsScreen />;
    case 'item':
    case 'new-item':
      return <ItemRoute code={route.code} />;
    case 'correct-item':
      return <ItemRoute code={route.code} correct />;
    case 'cage':
      return <CageScreen code={route.code} />;
  }
}

/** The whole app. */
export function App() {
  const { t } = useT();
  const profile = useDeviceProfile();
  const personId = useCurrentPersonId();
  const route = useNavigation((s) => s.route);
  const session = useMemo<Session | null>(() => {
    const person = profile?.roster.find((p) => p.id === personId);
    return profile && person ? { profile, person, author: authorOf(profile, person.id) } : null;
  }, [profile, personId]);

  let body;
  if (profile === undefined || personId === undefined)
    body = <p role="status">{t('common.loading')}</p>;
  else if (profile === null) body = <SetupScreen />;
  else if (!session) body = <PersonPicker profile={profile} />;
  else
    body = (
      <SessionContext.Provider value={session}>
        <Header />
        <main id="main" className="screen">
          {/* The intake screen stays mounted under the others, subscribed to its live queries,
              so coming back after a save shows the new row without re-reading the day. */}
          <div hidden={route.name !== 'intake'}>
            <IntakeScreen active={route.name === 'intake'} />
          </div>
          <Screen route={route} />
        </main>
      </SessionContext.Provider>
    );
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skip')}
      </a>
      <UpdatePrompt />
      {body}
      <ToastHost />
    </>
  );
}
