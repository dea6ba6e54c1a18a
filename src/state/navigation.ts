// Which screen is shown, mirrored in the address bar so the back button and QR links (/i/<code>) work.
import { ADMIN_SECTIONS, SECTION_SLUGS, type AdminSection } from '../features/admin/sections';
import { STEP_SLUGS, STEPS, type Step } from '../features/bench/steps';
import { create } from './store';

export type Route =
  | { name: 'intake' }
  | { name: 'today' }
  | { name: 'settings' }
  | { name: 'items' }
  | { name: 'sync' }
  | { name: 'item'; code: string }
  | { name: 'new-item'; code: string }
  | { name: 'correct-item'; code: string }
  | { name: 'cage'; code: string }
  | { name: 'cages' }
  | { name: 'step'; code: string; step: Step }
  | { name: 'admin'; section: AdminSection }
  | { name: 'labels-print'; batch: string }
  | { name: 'cafe-sessions' }
  | { name: 'cafe-session'; code: string }
  | { name: 'cafe-followup' }
  | { name: 'cafe-door' }
  | { name: 'cafe-table' }
  | { name: 'cafe-board' }
  | { name: 'cafe-visit'; ticket: string };

/** The path a route is shown under. */
export function routePath(route: Route): string {
  switch (route.name) {
    case 'intake':
      return '/';
    case 'today':
      return '/vandaag';
    case 'settings':
      return '/instellingen';
    case 'items':
      return '/toestellen';
    case 'sync':
      return '/synchronisatie';
    case 'item':
    case 'new-item':
    case 'correct-item':
      return `/i/${route.code}`;
    case 'cage':
      return `/kooi/${route.code}`;
    case 'cages':
      return '/kooien';
    case 'step':
      return `/i/${route.code}/${STEP_SLUGS[route.step]}`;
    case 'admin':
      return `/beheer/${SECTION_SLUGS[route.section]}`;
    case 'labels-print':
      return `/beheer/labels/afdrukken/${encodeURIComponent(route.batch)}`;
    case 'cafe-sessions':
      return '/cafe/sessies';
    case 'cafe-session':
      return `/cafe/sessies/${encodeURIComponent(route.code)}`;
    case 'cafe-followup':
      return '/cafe/opvolging';
    case 'cafe-door':
      return '/cafe';
    case 'cafe-table':
      return '/cafe/tafel';
    case 'cafe-board':
      return '/cafe/bord';
    case 'cafe-visit':
      return `/cafe/t/${route.ticket}`;
  }
}

/** The route for a path; unknown paths lead to the intake screen. Item paths are resolved later. */
export function routeFromPath(path: string): Route {
  // The café organiser's pages (before any other /cafe path).
  const cafeSession = /^\/cafe\/sessies\/([^/]+)\/?$/.exec(path);
  if (cafeSession?.[1]) return { name: 'cafe-session', code: decodeURIComponent(cafeSession[1]) };
  if (/^\/cafe\/sessies\/?$/.test(path)) return { name: 'cafe-sessions' };
  if (/^\/cafe\/opvolging\/?$/.test(path)) return { name: 'cafe-followup' };
  const item = /^\/i\/([^/]+)\/?$/.exec(path);
  if (item?.[1]) return { name: 'item', code: decodeURIComponent(item[1]) };
  const step = /^\/i\/([^/]+)\/([a-z]+)\/?$/.exec(path);
  const stepName = STEPS.find((s) => STEP_SLUGS[s] === step?.[2]);
  if (step?.[1] && stepName)
    return { name: 'step', code: decodeURIComponent(step[1]), step: stepName };
  const cage = /^\/kooi\/([^/]+)\/?$/.exec(path);
  if (cage?.[1]) return { name: 'cage', code: decodeURIComponent(cage[1]) };
  const print = /^\/beheer\/labels\/afdrukken\/([^/]+)\/?$/.exec(path);
  if (print?.[1]) return { name: 'labels-print', batch: decodeURIComponent(print[1]) };
  const admin = /^\/beheer(?:\/([a-z]+))?\/?$/.exec(path);
  if (admin) {
    const section = ADMIN_SECTIONS.find((s) => SECTION_SLUGS[s] === admin[1]) ?? 'sites';
    return { name: 'admin', section };
  }
  const visit = /^\/cafe\/t\/([^/]+)\/?$/.exec(path);
  if (visit?.[1]) return { name: 'cafe-visit', ticket: decodeURIComponent(visit[1]) };
  if (/^\/cafe\/tafel\/?$/.test(path)) return { name: 'cafe-table' };
  if (/^\/cafe\/bord\/?$/.test(path)) return { name: 'cafe-board' };
  if (/^\/cafe\/?$/.test(path)) return { name: 'cafe-door' };
  if (path.startsWith('/kooien')) return { name: 'cages' };
  if (path.startsWith('/vandaag')) return { name: 'today' };
  if (path.startsWith('/instellingen')) return { name: 'settings' };
  if (path.startsWith('/toestellen')) return { name: 'items' };
  if (path.startsWith('/synchronisatie')) return { name: 'sync' };
  return { name: 'intake' };
}

interface NavigationState {
  route: Route;
  go: (route: Route, options?: { replace?: boolean }) => void;
}

export const useNavigation = create<NavigationState>((set) => ({
  route: routeFromPath(window.location.pathname),
  go: (route, options) => {
    const path = routePath(route);
    if (options?.replace) window.history.replaceState(route, '', path);
    else window.history.pushState(route, '', path);
    set({ route });
    // Once React has put the new screen in (before the next frame): scrolling at once would lay
    // out the old screen, only for that layout to be thrown away a moment later.
    requestAnimationFrame(() => {
      window.scrollTo(0, 0);
    });
  },
}));

window.addEventListener('popstate', (event: PopStateEvent) => {
  const state = event.state as Route | null;
  useNavigation.setState({ route: state ?? routeFromPath(window.location.pathname) });
});
