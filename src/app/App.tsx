// The app shell: enrollment and person choice first, then the signed-in screens with header,
// sync status and navigation. Sync runs while a device profile exists.
import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { StepScreen } from '../features/bench/StepScreen';
import { WorkScreen } from '../features/bench/WorkScreen';
import { CageRoute } from '../features/cages/CageRoute';
import { CagesScreen } from '../features/cages/CagesScreen';
import { IntakeScreen } from '../features/intake/IntakeScreen';
import { ItemRoute } from '../features/intake/ItemRoute';
import { ItemsScreen } from '../features/items/ItemsScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { authorOf, useCurrentPersonId, useDeviceProfile } from '../features/setup/deviceProfile';
import { PublicItemScreen } from '../features/public/PublicItemScreen';
import { EnrollScreen } from '../features/setup/EnrollScreen';
import { PersonPicker } from '../features/setup/PersonPicker';
import { SessionExpired } from '../features/session/SessionExpired';
import { SessionContext, type Session } from '../features/setup/session';
import { SyncProvider } from '../features/sync/syncContext';
import { SyncScreen } from '../features/sync/SyncScreen';
import { TodayList } from '../features/today/TodayList';
import { useT } from '../i18n/i18n';
import { useNavigation, type Route } from '../state/navigation';
import { useSyncStatus } from '../sync/status';
import { ToastHost, useToast } from '../ui/toast';
import { UpdatePrompt } from '../ui/UpdatePrompt';
import { Header } from './Header';

// The figures (with their charts and exports) and the administration load only when the
// coordinator opens them.
const FiguresScreen = lazy(() =>
  import('../features/figures/FiguresScreen').then((m) => ({ default: m.FiguresScreen })),
);
const AdminScreen = lazy(() =>
  import('../features/admin/AdminScreen').then((m) => ({ default: m.AdminScreen })),
);
const CafeSessionsScreen = lazy(() =>
  import('../features/cafeOffice').then((m) => ({ default: m.CafeSessionsScreen })),
);
const CafeSessionScreen = lazy(() =>
  import('../features/cafeOffice').then((m) => ({ default: m.CafeSessionScreen })),
);
const FollowUpScreen = lazy(() =>
  import('../features/cafeOffice').then((m) => ({ default: m.FollowUpScreen })),
);
// The repair café's screens load on a café device only.
const DoorScreen = lazy(() =>
  import('../features/cafe/DoorScreen').then((m) => ({ default: m.DoorScreen })),
);
const TableScreen = lazy(() =>
  import('../features/cafe/TableScreen').then((m) => ({ default: m.TableScreen })),
);
const BoardScreen = lazy(() =>
  import('../features/cafe/BoardScreen').then((m) => ({ default: m.BoardScreen })),
);
const VisitScreen = lazy(() =>
  import('../features/cafe/VisitScreen').then((m) => ({ default: m.VisitScreen })),
);
const LabelSheet = lazy(() =>
  import('../features/admin/LabelSheet').then((m) => ({ default: m.LabelSheet })),
);

/** The routes a café organiser may open: their café screens, the figures, sync and settings. */
const ORGANISER_ROUTES: ReadonlySet<Route['name']> = new Set([
  'intake',
  'cafe-sessions',
  'cafe-session',
  'cafe-followup',
  'sync',
  'settings',
]);

function Screen({
  route,
  kind,
  role,
}: {
  route: Route;
  kind: 'park' | 'shop' | 'office' | 'cafe';
  role: string;
}) {
  if (kind === 'cafe') {
    const cafe = cafeScreen(route, role);
    if (cafe) return cafe;
  }
  // An organiser's home is their café days; the pilot's screens are not theirs.
  if (role === 'organiser' && !ORGANISER_ROUTES.has(route.name)) return <CafeSessionsScreen />;
  switch (route.name) {
    case 'cafe-sessions':
    case 'cafe-session':
    case 'cafe-followup':
      if (kind !== 'office') return <OfficeOnly />;
      if (route.name === 'cafe-session') return <CafeSessionScreen code={route.code} />;
      return route.name === 'cafe-sessions' ? <CafeSessionsScreen /> : <FollowUpScreen />;
    case 'cafe-door':
    case 'cafe-table':
    case 'cafe-board':
    case 'cafe-visit':
      return <CafeOnly />;
    case 'intake':
      // The park's intake screen stays mounted in the shell; the shop's home is its work queue.
      if (kind === 'park') return null;
      return kind === 'shop' ? <WorkScreen active /> : <FiguresScreen />;
    case 'items':
      return <ItemsScreen />;
    case 'today':
      return <TodayList headingLevel={1} />;
    case 'settings':
      return <SettingsScreen />;
    case 'sync':
      return <SyncScreen />;
    case 'item':
    case 'new-item':
      return <ItemRoute code={route.code} />;
    case 'correct-item':
      return <ItemRoute code={route.code} correct />;
    case 'cage':
      return <CageRoute code={route.code} />;
    case 'cages':
      return <CagesScreen />;
    case 'step':
      return <StepScreen code={route.code} step={route.step} />;
    case 'admin':
    case 'labels-print':
      // The server refuses its admin API to devices anyway; the screen does not tempt them.
      if (kind !== 'office') return <OfficeOnly />;
      return route.name === 'admin' ? (
        <AdminScreen section={route.section} />
      ) : (
        <LabelSheet batch={route.batch} />
      );
  }
}

/** A café device's screens: its home is the host's door or the fixer's table. */
function cafeScreen(route: Route, role: string) {
  switch (route.name) {
    case 'intake':
      return role === 'fixer' ? <TableScreen /> : <DoorScreen />;
    case 'cafe-door':
      return <DoorScreen />;
    case 'cafe-table':
      return <TableScreen />;
    case 'cafe-board':
      return <BoardScreen />;
    case 'cafe-visit':
      return <VisitScreen ticket={route.ticket} />;
    default:
      return null;
  }
}

function CafeOnly() {
  const { t } = useT();
  return <p className="notice notice-warn">{t('cafe.only')}</p>;
}

function OfficeOnly() {
  const { t } = useT();
  return <p className="notice notice-warn">{t('admin.office-only')}</p>;
}

/** After a screen change (not the first), moves focus to the new screen's heading and names the
 * tab after it, so keyboard and screen-reader users know where they landed. */
function useAnnounceScreen(route: Route) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // When the browser is idle: the new screen is painted first, then announced.
    const announce = () => {
      const heading = [...document.querySelectorAll<HTMLElement>('#main h1')].find(
        (h) => h.closest('[hidden]') === null,
      );
      if (!heading) return;
      document.title = `${heading.textContent} — Bewaar`;
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    };
    const handle = window.requestIdleCallback(announce, { timeout: 300 });
    return () => {
      window.cancelIdleCallback(handle);
    };
  }, [route]);
}

/** The whole app. */
export function App() {
  const { t } = useT();
  const profile = useDeviceProfile();
  const personId = useCurrentPersonId();
  const route = useNavigation((s) => s.route);
  const demo = useSyncStatus((s) => s.demo);
  // A coordinator's token that the server no longer takes: their session is over.
  const expired = useSyncStatus((s) => s.revoked) && profile?.siteKind === 'office';
  const session = useMemo<Session | null>(() => {
    const person = profile?.roster.find((p) => p.id === personId);
    return profile && person ? { profile, person, author: authorOf(profile, person.id) } : null;
  }, [profile, personId]);
  const park = profile?.siteKind === 'park';
  const board = profile?.siteKind === 'cafe' && route.name === 'cafe-board';
  useAnnounceScreen(route);
  useEffect(() => {
    useToast.getState().screenChanged();
  }, [route]);

  let body;
  if (profile === undefined || personId === undefined) {
    body = <p role="status">{t('common.loading')}</p>;
  } else if (profile === null) {
    // A label scanned by someone else's phone opens the public card; anything else, enrollment.
    body = route.name === 'item' ? <PublicItemScreen code={route.code} /> : <EnrollScreen />;
  } else {
    body = (
      <SyncProvider profile={profile}>
        {/* The queue board reads the device's projections only: no person needs to be chosen. */}
        {!session && board ? (
          <main id="main">
            <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
              <BoardScreen />
            </Suspense>
          </main>
        ) : session ? (
          <SessionContext.Provider value={session}>
            {!board && <Header />}
            {/* Under the header, in the flow: a message never lies over the form. */}
            <ToastHost />
            {expired && <SessionExpired />}
            <main id="main" className={board ? 'board-main' : 'screen'}>
              {/* The intake screen stays mounted under the others, subscribed to its live
                  queries, so coming back after a save shows the new row without a re-read;
                  and laid out (styles.css, .screen-kept), so coming back costs no layout. */}
              {park && (
                <div className="screen-kept" hidden={route.name !== 'intake'}>
                  <IntakeScreen active={route.name === 'intake'} />
                </div>
              )}
              <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
                <Screen route={route} kind={profile.siteKind} role={session.person.role} />
              </Suspense>
            </main>
          </SessionContext.Provider>
        ) : (
          <PersonPicker profile={profile} />
        )}
      </SyncProvider>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skip')}
      </a>
      {demo && (
        <div className="demo-banner" role="note">
          {t('demo.banner')}
        </div>
      )}
      <UpdatePrompt />
      {!session && <ToastHost />}
      {body}
    </>
  );
}
