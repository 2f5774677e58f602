/**
 * Service-worker registration and the "Update available — reload" signal. A new version waits
 * (registerType 'prompt') until the user chooses to reload, so it never swaps itself in under
 * a half-filled form.
 */

import { signal } from '@preact/signals';
import type { PageMessage } from './messages.js';

/** A new version is installed and waiting: show "Update available — reload". */
export const updateAvailable = signal(false);

/** The app shell is cached: the app now opens without a network. */
export const offlineReady = signal(false);

/** How often an open app asks the server for a new version (besides on becoming visible). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let registered = false;

/** A new version waits: say so, and reload once it takes over (from this tab or another). */
function needRefresh(): void {
  if (updateAvailable.value) return;
  updateAvailable.value = true;
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
}

/** An installing worker: an update when a worker already controls the page, else the first. */
function watchInstalling(worker: ServiceWorker | null): void {
  worker?.addEventListener('statechange', () => {
    if (worker.state !== 'installed') return;
    if (navigator.serviceWorker.controller) needRefresh();
    else offlineReady.value = true;
  });
}

/**
 * Registers the worker. Production builds only: in dev, Vite serves modules the worker would
 * precache stale. Written out rather than through
 * workbox-window (vite-plugin-pwa's `virtual:pwa-register`), which was 2.2 KB of gzipped JS
 * fetched at every start for these few lines.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || registered) return;
  registered = true;
  navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).then(
    (registration) => {
      // A version that was already waiting (installed while an older tab was open) counts too.
      if (registration.waiting && navigator.serviceWorker.controller) needRefresh();
      if (registration.active) offlineReady.value = true;
      watchInstalling(registration.installing);
      registration.addEventListener('updatefound', () => watchInstalling(registration.installing));
      const check = () => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      };
      setInterval(check, UPDATE_CHECK_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
    (error: unknown) => console.warn('service worker registration failed', error),
  );
}

/**
 * The user chose "reload": the waiting worker takes over and this page reloads once it is in
 * control. Only ever called from that button.
 */
export async function applyUpdate(): Promise<void> {
  const registration = await navigator.serviceWorker?.getRegistration();
  const waiting = registration?.waiting;
  if (!waiting) {
    window.location.reload();
    return;
  }
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  waiting.postMessage({ type: 'SKIP_WAITING' } satisfies PageMessage);
}
