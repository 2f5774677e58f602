import { signal } from '@preact/signals';

/**
 * The part of installing that must run at start, in the start-up JS: the browser's install
 * events and whether the app runs installed. The rest (the engine, the decision, the steps,
 * the card's body) is in the lazy chunk: install-offer.ts, install-card-body.tsx.
 */

/** The display modes of an installed app; a browser tab is `browser`. */
export const INSTALLED_DISPLAY =
  '(display-mode: standalone), (display-mode: fullscreen), (display-mode: minimal-ui), (display-mode: window-controls-overlay)';

/** Running as an installed app: its display mode, or iOS's home-screen flag. */
export function runningInstalled(): boolean {
  const ios = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return ios || window.matchMedia(INSTALLED_DISPLAY).matches;
}

/** Chromium's event (not in TypeScript's DOM library): https://wicg.github.io/manifest-incubations/ */
export interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<unknown>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed'; platform?: string }>;
}

/**
 * The browser's install prompt, captured when it fires. It can fire long before Settings or
 * the brew list asks for it (right after the service worker takes control), so main.tsx
 * starts listening before the first render. One event shows the prompt once: it is cleared
 * when used.
 */
export const installPrompt = signal<BeforeInstallPromptEvent | null>(null);

/** Running installed, or installed from this page (`appinstalled`, or the prompt accepted). */
export const installed = signal(false);

export function startInstallOffer(): void {
  installed.value = runningInstalled();
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keeps Chromium's own mini-infobar away: our button (Settings, the card) offers it.
    event.preventDefault();
    installPrompt.value = event as BeforeInstallPromptEvent;
  });
  window.addEventListener('appinstalled', () => {
    installPrompt.value = null;
    installed.value = true;
  });
  // The tab itself can become the app's window (Chromium's "Open in app").
  window.matchMedia(INSTALLED_DISPLAY).addEventListener?.('change', () => {
    installed.value = runningInstalled();
  });
}
