import type { JSX } from 'preact';
import { updateAvailable } from '../pwa/index.js';
import { now } from './app-state.js';
import { Icon, type IconName } from './components/icons.js';
import { UpdateBanner } from './components/pwa-status.js';
import { SyncPill } from './components/sync-pill.js';
import { Toast } from './components/toast.js';
import { lazyScreen } from './lazy.js';
import { count } from './logic/format.js';
import { leaving, type Route, route } from './router.js';
import { Bags } from './screens/bags.js';
import { LogBrew } from './screens/log-brew.js';
import { Today } from './screens/today.js';
import { syncStatus, syncView } from './sync-state.js';
import { dismissToast, toast } from './toast-state.js';

// The first paint needs only the brew list, the log form (the home-screen shortcut) and the
// bag list; the other screens load in their own chunks right after it (see lazy.tsx).
const AccountScreen = lazyScreen(() => import('./screens/account.js').then((m) => m.AccountScreen));
const BagDetail = lazyScreen(() => import('./screens/bag-detail.js').then((m) => m.BagDetail));
const BagForm = lazyScreen(() => import('./screens/bag-form.js').then((m) => m.BagForm));
const BrewEdit = lazyScreen(() => import('./screens/brew-edit.js').then((m) => m.BrewEdit));
const History = lazyScreen(() => import('./screens/history.js').then((m) => m.History));
const Settings = lazyScreen(() => import('./screens/settings.js').then((m) => m.Settings));

/** Starts fetching every other screen at once, so opening one is instant (and works offline). */
export function preloadScreens(): void {
  for (const screen of [AccountScreen, BagDetail, BagForm, BrewEdit, History, Settings]) {
    // A failed preload is fetched again when the screen is opened (see lazy.tsx).
    screen.preload().catch(() => undefined);
  }
}

const TABS: { name: string; href: string; label: string; icon: IconName; match: string[] }[] = [
  { name: '', href: '#/', label: 'Brews', icon: 'today', match: ['', 'brew'] },
  { name: 'log', href: '#/log', label: 'Log', icon: 'log', match: ['log'] },
  {
    name: 'bags',
    href: '#/bags',
    label: 'Bags',
    icon: 'bags',
    match: ['bags', 'bag', 'bag-new', 'bag-edit'],
  },
  { name: 'account', href: '#/account', label: 'Account', icon: 'account', match: ['account'] },
  {
    name: 'settings',
    href: '#/settings',
    label: 'Settings',
    icon: 'settings',
    match: ['settings', 'history'],
  },
];

const SCREENS = new Set([
  'log',
  'brew',
  'bags',
  'bag',
  'bag-new',
  'bag-edit',
  'account',
  'history',
  'settings',
]);

/** Routes that show the brew list (kept mounted, see App); unknown ones fall back to it. */
const isToday = (name: string, id: string | null) => !SCREENS.has(name) || (name === 'brew' && !id);

function Screen({ at }: { at: Route }): JSX.Element | null {
  const { name, id } = at;
  if (isToday(name, id)) return null;
  switch (name) {
    case 'log':
      return <LogBrew params={at.params} />;
    case 'brew':
      return id ? <BrewEdit id={id} retry={at.params.get('retry')} /> : null;
    case 'bags':
      return <Bags />;
    case 'bag':
      return id ? <BagDetail id={id} /> : <Bags />;
    case 'bag-new':
      return <BagForm id={null} />;
    case 'bag-edit':
      return id ? <BagForm id={id} retry={at.params.get('retry')} /> : <Bags />;
    case 'account':
      return <AccountScreen />;
    case 'history':
      return <History />;
    case 'settings':
      return <Settings />;
    default:
      return null;
  }
}

function DownloadProgress() {
  const p = syncView.value.progress;
  if (!p) return null;
  return (
    <div class="progress" role="status">
      <label for="download-progress">
        Downloading {count(p.done)} of {count(p.total)} brews and bags
      </label>
      <progress id="download-progress" max={p.total} value={p.done} />
    </div>
  );
}

/** Screens with a sticky Save button, which a toast above the tab bar would cover. */
const FORMS = new Set(['log', 'brew', 'bag-new', 'bag-edit']);
route.subscribe((r) => {
  if (FORMS.has(r.name)) dismissToast();
});

export function App(): JSX.Element {
  const current = route.value.name;
  const sync = syncView.value;
  const t = toast.value;
  return (
    <div class="app">
      <header class="app-header">
        <a class="app-title" href="#/">
          Dial-in
        </a>
        <SyncPill {...sync} now={now.value} href="#/account" />
      </header>
      <nav class="tabbar" aria-label="Main">
        {TABS.map((tab) => (
          <a
            key={tab.name}
            class="tab"
            href={tab.href}
            aria-current={tab.match.includes(current) ? 'page' : undefined}
          >
            <Icon name={tab.icon} />
            {tab.label}
          </a>
        ))}
      </nav>
      <main id="main" class="app-main" tabIndex={-1}>
        <DownloadProgress />
        {updateAvailable.value ? <UpdateBanner /> : null}
        {syncStatus.value.signedOutOnServer && current !== 'account' ? (
          <div class="banner banner-danger screen-head" role="alert">
            <span>Signed out on the server. Your changes are kept here.</span>
            <a class="btn" href="#/account">
              Log in
            </a>
          </div>
        ) : null}
        {/* The brew list stays mounted while hidden, so a saved brew is one row inserted in
            an existing list rather than a whole screen built in the frame of the tap. */}
        <div hidden={!isToday(current, route.value.id)}>
          <Today />
        </div>
        {[leaving.value, route.value].map((at) =>
          at === null ||
          isToday(at.name, at.id) ||
          (at !== route.value && at.raw === route.value.raw) ? null : (
            <div key={at.raw} hidden={at !== route.value}>
              <Screen at={at} />
            </div>
          ),
        )}
      </main>
      {t ? (
        <Toast
          key={t.id}
          message={t.message}
          onClose={dismissToast}
          {...(t.actionLabel && t.onAction
            ? {
                actionLabel: t.actionLabel,
                onAction: () => {
                  dismissToast();
                  t.onAction?.();
                },
              }
            : {})}
        />
      ) : null}
    </div>
  );
}
