/**
 * Which way of installing Dial-in this browser offers, decided from what the page can detect
 * (never from the user-agent string). Pure, so every branch is tested without a browser.
 */
export interface InstallFacts {
  /** The browser fired `beforeinstallprompt` and the event is still unused (Chromium). */
  canPrompt: boolean;
  /** Already running installed: `display-mode: standalone` (or kin), or iOS `navigator.standalone`. */
  standalone: boolean;
  /** The rendering engine, from engine-only features (see detect-engine.ts). */
  engine: 'webkit' | 'gecko' | 'other';
  /** The primary pointer is coarse: a phone or tablet, not a computer. */
  touch: boolean;
}

export type InstallBranch =
  /** Our "Install Dial-in" button calls the browser's own prompt. */
  | 'prompt'
  /** Safari on iPhone and iPad has no prompt: Share → Add to Home Screen (Mac: Add to Dock). */
  | 'share-steps'
  /** Firefox for Android installs from its menu. */
  | 'firefox-menu'
  /** Firefox on a computer cannot install web apps; Settings says so rather than stay silent. */
  | 'firefox-desktop'
  /** Installed already, or a browser that offers nothing we know of. */
  | 'none';

export function installBranch(facts: InstallFacts): InstallBranch {
  if (facts.standalone) return 'none';
  // Before the engine: a Chromium that fired the event is the one case with a real button.
  if (facts.canPrompt) return 'prompt';
  if (facts.engine === 'webkit') return 'share-steps';
  if (facts.engine === 'gecko') return facts.touch ? 'firefox-menu' : 'firefox-desktop';
  // Chromium without the event: installed already, or not installable here (incognito): its
  // own menu knows better than we do, so we say nothing.
  return 'none';
}

/**
 * Whether the after-third-brew card may show for a branch: only where the person can act
 * on it. Firefox on a computer has nothing to offer, so it gets no card, only Settings' note.
 */
export function offersCard(branch: InstallBranch): boolean {
  return branch === 'prompt' || branch === 'share-steps' || branch === 'firefox-menu';
}
