/**
 * Service-worker registration and the "Update available — reload" signal. A new version waits
 * (registerType 'prompt') until the user chooses to reload, so it never swaps itself in under
 * a half-filled form.
 */

import { registerSW } from 'virtual:pwa-register';
import { signal } from '@preact/signals';
import type { PageMessage } from './messages.js';

/** A new version is installed and waiting: show "Update available — reload". */
export const updateAvailable = signal(false);

/** The app shell is cached: the app now opens without a network. */
export const offlineReady = signal(false);

/** How often an open app asks the server for a new version (besides on becoming visible). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let registered = false;

/**
 * Registers the worker. Production builds only: in dev, Vite serves modules the worker would
 * precache stale (TOOLCHAIN.md, "Build notes").
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || registered) return;
  registered = true;
  registerSW({
    immediate: true,
    onNeedRefresh: () => {
      updateAvailable.value = true;
    },
    onOfflineReady: () => {
      offlineReady.value = true;
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      const check = () => {
        if (navigator.onLine) registration.update().catch(() => undefined);
      };
      setInterval(check, UPDATE_CHECK_MS);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
    onRegisterError: (error: unknown) => console.warn('service worker registration failed', error),
  });
}

/**
 * The user chose "reload": the waiting worker takes over and this page reloads once it is in
 * control. Only ever called from that button. Done here rather than through workbox-window,
 * which does not reload for an update it thinks was found "externally" (by
 * `registration.update()`, as the hourly and on-visible checks do).
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
