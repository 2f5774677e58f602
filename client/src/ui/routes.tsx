import type { FunctionComponent } from 'preact';
import type { IconName } from './components/icons.js';
import { type LazyScreen, lazyScreen } from './lazy.js';
import { matches, type Route, type ScreenProps } from './router.js';
import { Bags } from './screens/bags.js';
import { Today } from './screens/today.js';

/** The tabs of the tab bar; each name is also its icon. */
export type TabName = Extract<IconName, 'today' | 'log' | 'bags' | 'account' | 'settings'>;

export interface RouteEntry {
  /** The hash path: a first segment, and `/:id` when the screen needs an id ('' is home). */
  path: string;
  /** The screen: in the start-up JS, or `lazyScreen(…)`, its own chunk loaded after first paint. */
  screen: FunctionComponent<ScreenProps> | LazyScreen<ScreenProps>;
  /** The tab marked current while the route is shown. */
  tab: TabName;
  /** The document title while the route is shown (before " · Dial-in"). */
  title: string;
  /** On the first route of each tab: the tab's label in the tab bar, which links to it. */
  nav?: string;
  /** The screen has a sticky Save button, which a toast above the tab bar would cover. */
  form?: true;
}

const lazy = (load: () => Promise<FunctionComponent<ScreenProps>>) => lazyScreen<ScreenProps>(load);

// Log a brew is not in the first paint's JS (that is the brew list's): its chunk, with what
// only it needs (vite.config.ts's 'log' group), comes first among the preloads, and from the
// worker's precache once installed, so the Log tab opens at once.
const logBrew = lazy(() => import('./screens/log-brew.js').then((m) => m.LogBrew));

// Adding a bag and editing one are one screen, so one chunk loaded once.
const bagForm = lazy(() => import('./screens/bag-form.js').then((m) => m.BagForm));

/**
 * Every screen of the app, in tab-bar order. The first paint needs only the brew list and the
 * bag list; the others are lazy (see lazy.tsx), Log a brew preloaded first.
 */
export const ROUTES: readonly RouteEntry[] = [
  { path: '', screen: Today, tab: 'today', title: 'Brews', nav: 'Brews' },
  {
    path: 'brew/:id',
    screen: lazy(() => import('./screens/brew-edit.js').then((m) => m.BrewEdit)),
    tab: 'today',
    title: 'Edit brew',
    form: true,
  },
  { path: 'log', screen: logBrew, tab: 'log', title: 'Log a brew', nav: 'Log', form: true },
  { path: 'bags', screen: Bags, tab: 'bags', title: 'Bags', nav: 'Bags' },
  {
    path: 'bag/:id',
    screen: lazy(() => import('./screens/bag-detail.js').then((m) => m.BagDetail)),
    tab: 'bags',
    title: 'Bag',
  },
  {
    // `#/photo/<owner id>?kind=bag|brew&i=<index>`: the full-screen viewer of its photos.
    path: 'photo/:id',
    screen: lazy(() => import('./screens/photo-viewer.js').then((m) => m.PhotoViewer)),
    tab: 'bags',
    title: 'Photo',
  },
  {
    path: 'bag-new',
    screen: bagForm,
    tab: 'bags',
    title: 'Add a bag',
    form: true,
  },
  {
    path: 'bag-edit/:id',
    screen: bagForm,
    tab: 'bags',
    title: 'Edit bag',
    form: true,
  },
  {
    path: 'account',
    screen: lazy(() => import('./screens/account.js').then((m) => m.AccountScreen)),
    tab: 'account',
    title: 'Account',
    nav: 'Account',
  },
  {
    path: 'settings',
    screen: lazy(() => import('./screens/settings.js').then((m) => m.Settings)),
    tab: 'settings',
    title: 'Settings',
    nav: 'Settings',
  },
  {
    path: 'stats',
    screen: lazy(() => import('./screens/statistics.js').then((m) => m.Statistics)),
    tab: 'today',
    title: 'Statistics',
  },
  {
    // `?add=grinder|brewer[&back=<hash>]`, `?edit=<id>`: see screens/gear.tsx.
    path: 'gear',
    screen: lazy(() => import('./screens/gear.js').then((m) => m.GearScreen)),
    tab: 'settings',
    title: 'Gear',
  },
  {
    path: 'history',
    screen: lazy(() => import('./screens/history.js').then((m) => m.History)),
    tab: 'settings',
    title: 'History',
  },
];

/** The brew list: kept mounted while hidden (see App), and shown for any unknown path. */
export const HOME = ROUTES[0] as RouteEntry;

/** The tab bar: the first route of each tab. */
export const TABS = ROUTES.filter((r) => r.nav !== undefined);

/**
 * The route a hash shows. A known screen without the id it needs shows its tab's first route
 * (`#/bag` the bag list); anything unknown, the brew list.
 */
export function routeFor(at: Route): RouteEntry {
  const found = ROUTES.find((r) => matches(r.path, at));
  if (found) return found;
  const named = ROUTES.find((r) => r.path.split('/')[0] === at.name);
  return (named && ROUTES.find((r) => r.tab === named.tab)) ?? HOME;
}

/** Starts fetching every lazy screen at once, so opening one is instant (and works offline). */
export function preloadScreens(): void {
  // Log a brew first: it is the next screen most opens go to, and its chunk is its own.
  logBrew.preload().catch(() => undefined);
  for (const { screen } of ROUTES) {
    // A failed preload is fetched again when the screen is opened (see lazy.tsx).
    if ('preload' in screen) screen.preload().catch(() => undefined);
  }
}
