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

/** A café device's places: the fixer's table or the host's door, and the board. */
function navOf(kind: keyof typeof NAV | 'cafe', role: string): NavItem[] {
  if (kind !== 'cafe') return NAV[kind];
  return role === 'fixer' ? FIXER_NAV : DOOR_NAV;
}

/** Whether the nav item is the screen shown (the home path '/' of a café device is its first). */
function isCurrent(route: Route, item: NavItem, first: boolean): boolean {
  if (route.name === item.route.name) return true;
  if (route.name === 'labels-print' && item.route.name === 'admin') return true;
  return first && route.name === 'intake' && item.route.name.startsWith('cafe-');
}

/** The top bar with navigation. */
export function Header() {
  const { t } = useT();
  const { profile, person } = useSession();
  const route = useNavigation((s) => s.route);
  const go = useNavigation((s) => s.go);
  const nav = navOf(profile.siteKind, person.role);
  return (
    <header className="app-header">
      <div className="brand-line">
        <span className="app-name">Bewaar</span>
        <span className="where">
          {profile.siteName} · 👤 {person.name}
        </span>
      </div>
      <SyncStatusBar />
      <PullProgressBar />
      <nav aria-label={t('nav.label')}>
        <ul>
          {nav.map((item, n) => (
            <li key={item.label}>
              <button
                type="button"
                className="nav-button"
                aria-current={isCurrent(route, item, n === 0) ? 'page' : undefined}
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
