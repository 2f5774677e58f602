import { signal } from '@preact/signals';

/**
 * Whether the after-third-brew install card is done with on this device: dismissed, or used
 * to install. Kept in localStorage like device-settings.ts, so it survives reloads and
 * logging out (which empties IndexedDB only): the card is offered once, ever.
 */
const KEY = 'dial-in-install-card';

/** How many brews the list must hold before the card is offered. */
export const CARD_AFTER_BREWS = 3;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // Storage disabled (some private modes): dismissed for this visit only.
  }
}

export const installCardDone = signal<boolean>(storage()?.getItem(KEY) === 'done');

/** Hides the card for good on this device. */
export function finishInstallCard(): void {
  installCardDone.value = true;
  try {
    storage()?.setItem(KEY, 'done');
  } catch {
    // Quota or disabled storage: hidden until the page closes.
  }
}
