// Header: where and who, the sync status, and the places of this kind of device.
import { PullProgressBar } from '../features/sync/PullProgress';
import { SyncStatusBar } from '../features/sync/SyncStatusBar';
import { useSession } from '../features/setup/session';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { useNavigation, type Route } from '../state/navigation';

type NavItem = { route: Route; label: MessageKey; icon: string };

const PARK_NAV: NavItem[] = [
  { route: { name: 'intake' }, label: 'nav.intake', icon: '📥' },
  { route: { name: 'today' }, label: 'nav.today', icon: '📋' },
  { route: { name: 'items' }, label: 'nav.items', icon: '🔎' },
  { route: { name: 'sync' }, label: 'nav.sync', icon: '🔄' },
  { route: { name: 'settings' }, label: 'nav.settings', icon: '⚙️' },
];
const SHOP_NAV: NavItem[] = [
  { route: { name: 'intake' }, label: 'nav.work', icon: '🛠️' },
  { route: { name: 'cages' }, label: 'nav.cages', icon: '🚚' },
  { route: { name: 'items' }, label: 'nav.items', icon: '🔎' },
  { route: { name: 'sync' }, label: 'nav.sync', icon: '🔄' },
  { route: { name: 'settings' }, label: 'nav.settings', icon: '⚙️' },
];
const OFFICE_NAV: NavItem[] = [
  { route: { name: 'intake' }, label: 'nav.figures', icon: '📊' },
  { route: { name: 'items' }, label: 'nav.items', icon: '🔎' },
  { route: { name: 'cages' }, label: 'nav.cages', icon: '🚚' },
  { route: { name: 'admin', section: 'sites' }, label: 'nav.admin', icon: '🗂️' },
  { route: { name: 'sync' }, label: 'nav.sync', icon: '🔄' },
  { route: { name: 'settings' }, label: 'nav.settings', icon: '⚙️' },
];
// The office of a region with repair cafés adds their days and follow-up after the figures; a
// café organiser sees only those.
const CAFE_OFFICE_NAV: NavItem[] = [
  { route: { name: 'cafe-sessions' }, label: 'nav.cafe.sessions', icon: '☕' },
  { route: { name: 'cafe-followup' }, label: 'nav.cafe.followup', icon: '📞' },
];
const ORGANISER_NAV: NavItem[] = [
  ...CAFE_OFFICE_NAV,
  { route: { name: 'intake' }, label: 'nav.figures', icon: '📊' },
  { route: { name: 'sync' }, label: 'nav.sync', icon: '🔄' },
  { route: { name: 'settings' }, label: 'nav.settings', icon: '⚙️' },
];
const DOOR_NAV: NavItem[] = [
  { route: { name: 'cafe-door' }, label: 'nav.cafe.door', icon: '🎟️' },
  { route: { name: 'cafe-board' }, label: 'nav.cafe.board', icon: '📺' },
  { route: { name: 'sync' }, label: 'nav.sync', icon: '🔄' },
  { route: { name: 'settings' }, label: 'nav.settings', icon: '⚙️' },
];
const FIXER_NAV: NavItem[] = [
  { route: { name: 'cafe-table' }, label: 'nav.cafe.table', icon: '🔧' },
  { route: { name: 'cafe-board' }, label: 'nav.cafe.board', icon: '📺' },
  { route: { name: 'sync' }, label: 'nav.sync', icon: '🔄' },
  { route: { name: 'settings' }, label: 'nav.settings', icon: '⚙️' },
];
const NAV = { park: PARK_NAV, shop: SHOP_NAV, office: OFFICE_NAV };

function navFor(
  kind: 'park' | 'shop' | 'office' | 'cafe',
  role: string,
  hasCafes: boolean,
): NavItem[] {
  // A café device's places: the fixer's table or the host's door, and the board.
  if (kind === 'cafe') return role === 'fixer' ? FIXER_NAV : DOOR_NAV;
  if (kind !== 'office') return NAV[kind];
  if (role === 'organiser') return ORGANISER_NAV;
  // One place for the cafés beside the pilot's (the follow-up is a link on it): the bar fits.
  const days = CAFE_OFFICE_NAV.slice(0, 1);
  return hasCafes
    ? [OFFICE_NAV[0], ...days, ...OFFICE_NAV.slice(1)].filter((i) => i !== undefined)
    : OFFICE_NAV;
}

/** Whether the nav item is the screen shown (a café day belongs to the café days; the home path
 * '/' of a café device is its first place). */
function isCurrent(route: Route, item: Route, nav: readonly NavItem[]): boolean {
  if (route.name === item.name) return true;
  if (route.name === 'intake' && nav[0]?.route === item && item.name.startsWith('cafe-')) {
    return nav === DOOR_NAV || nav === FIXER_NAV;
  }
  if (route.name === 'labels-print' && item.name === 'admin') return true;
  // The follow-up belongs to the café days where the bar has no place of its own for it.
  const followUpHere = nav.some((i) => i.route.name === 'cafe-followup');
  return (
    (route.name === 'cafe-session' || (route.name === 'cafe-followup' && !followUpHere)) &&
    item.name === 'cafe-sessions'
  );
}

/** The top bar with navigation. */
export function Header() {
  const { t } = useT();
  const { profile, person } = useSession();
  const route = useNavigation((s) => s.route);
  const go = useNavigation((s) => s.go);
  const hasCafes = Object.values(profile.directory?.kinds ?? {}).includes('cafe');
  const nav = navFor(profile.siteKind, person.role, hasCafes);
  return (
    <header className="app-header">
      <div className="brand-line">
        <span className="app-name">Bewaar</span>
        <span className="where">
          {profile.siteName} · <span className="who">👤 {person.name}</span>
        </span>
      </div>
      <SyncStatusBar />
      <PullProgressBar />
      <nav aria-label={t('nav.label')}>
        <ul>
          {nav.map((item) => (
            <li key={item.label}>
              <button
                type="button"
                className="nav-button"
                aria-current={isCurrent(route, item.route, nav) ? 'page' : undefined}
                onClick={() => {
                  go(item.route);
                }}
              >
                <span aria-hidden="true">{item.icon}</span> {t(item.label)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
