// Header: where and who, what is not yet sent, and the three places of the park tablet.
import { useSession } from '../features/setup/session';
import { useT } from '../i18n/i18n';
import type { MessageKey } from '../i18n/nl';
import { useNavigation, type Route } from '../state/navigation';
import { usePendingCount } from '../storage';

const NAV: { route: Route; label: MessageKey; icon: string }[] = [
  { route: { name: 'intake' }, label: 'nav.intake', icon: '📥' },
  { route: { name: 'today' }, label: 'nav.today', icon: '📋' },
  { route: { name: 'settings' }, label: 'nav.settings', icon: '⚙️' },
];

/** The top bar with navigation. */
export function Header() {
  const { t, tn } = useT();
  const { profile, person } = useSession();
  const route = useNavigation((s) => s.route);
  const go = useNavigation((s) => s.go);
  const pending = usePendingCount() ?? 0;
  return (
    <header className="app-header">
      <div className="brand-line">
        <span className="app-name">Bewaar</span>
        <span className="where">
          {profile.siteName} · 👤 {person.name}
        </span>
        <span
          className={`pill${pending > 0 ? ' pill-warn' : ''}`}
          role="status"
          data-testid="pending"
        >
          {tn('header.pending', pending)}
        </span>
      </div>
      <nav aria-label={t('nav.label')}>
        <ul>
          {NAV.map((item) => (
            <li key={item.route.name}>
              <button
                type="button"
                className="nav-button"
                aria-current={route.name === item.route.name ? 'page' : undefined}
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
