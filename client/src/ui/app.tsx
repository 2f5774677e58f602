import type { JSX } from 'preact';
import { updateAvailable } from '../pwa/index.js';
import { now } from './app-state.js';
import { Icon, type IconName } from './components/icons.js';
import { UpdateBanner } from './components/pwa-status.js';
import { SyncPill } from './components/sync-pill.js';
import { Toast } from './components/toast.js';
import { count } from './logic/format.js';
import { leaving, type Route, route } from './router.js';
// Every screen is in the start-up bundle. Screens in chunks loaded after the first paint
// sometimes never arrived in the e2e runs (the dynamic import() stayed pending for good and
// the Account screen showed "Loading…"), so no screen is split off any more.
import { AccountScreen } from './screens/account.js';
import { BagDetail } from './screens/bag-detail.js';
import { BagForm } from './screens/bag-form.js';
import { Bags } from './screens/bags.js';
import { BrewEdit } from './screens/brew-edit.js';
import { History } from './screens/history.js';
import { LogBrew } from './screens/log-brew.js';
import { Settings } from './screens/settings.js';
import { Today } from './screens/today.js';
import { syncStatus, syncView } from './sync-state.js';
import { dismissToast, toast } from './toast-state.js';

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
