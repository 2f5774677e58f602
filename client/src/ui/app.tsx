import type { JSX } from 'preact';
import { updateAvailable } from '../pwa/index.js';
import { now } from './app-state.js';
import { DownloadProgress } from './components/download-progress.js';
import { FinishBagDialog } from './components/finish-bag-dialog.js';
import { Icon } from './components/icons.js';
import { UpdateBanner } from './components/pwa-status.js';
import { StorageBanner } from './components/storage-banner.js';
import { SyncPill } from './components/sync-pill.js';
import { Toast } from './components/toast.js';
import { leaving, type Route, route } from './router.js';
import { HOME, routeFor, TABS } from './routes.js';
import { syncStatus, syncView } from './sync-state.js';
import { dismissToast, toast } from './toast-state.js';

export { preloadScreens } from './routes.js';

function Screen({ at }: { at: Route }): JSX.Element {
  const { path, screen: Shown } = routeFor(at);
  return <Shown id={path.endsWith('/:id') ? (at.id ?? '') : ''} params={at.params} />;
}

route.subscribe((r) => {
  const shown = routeFor(r);
  // A toast above the tab bar would cover a form's sticky Save button.
  if (shown.form) dismissToast();
  document.title = `${shown.title} · Dial-in`;
});

export function App(): JSX.Element {
  const current = routeFor(route.value);
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
            key={tab.tab}
            class="tab"
            href={`#/${tab.path}`}
            aria-current={tab.tab === current.tab ? 'page' : undefined}
          >
            <Icon name={tab.tab} />
            {tab.nav}
          </a>
        ))}
      </nav>
      <main id="main" class="app-main" tabIndex={-1}>
        <StorageBanner />
        <DownloadProgress />
        {updateAvailable.value ? <UpdateBanner /> : null}
        {syncStatus.value.signedOutOnServer && current.path !== 'account' ? (
          <div class="banner banner-danger screen-head" role="alert">
            <span>Signed out on the server. Your changes are kept here.</span>
            <a class="btn" href="#/account">
              Log in
            </a>
          </div>
        ) : null}
        {/* The brew list stays mounted while hidden, so a saved brew is one row inserted in
            an existing list rather than a whole screen built in the frame of the tap. */}
        <div hidden={current !== HOME}>
          <HOME.screen id="" params={route.value.params} />
        </div>
        {[leaving.value, route.value].map((at) =>
          at === null ||
          routeFor(at) === HOME ||
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
      <FinishBagDialog />
    </div>
  );
}
