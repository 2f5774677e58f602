import type { JSX } from 'preact';
import type { InstallBranch } from './install-branch.js';

/** The steps for browsers without a prompt (in the lazy chunk: Settings and the card). */

/** Safari's Share icon (a box with an arrow out of its top), so the steps match the toolbar. */
export function ShareIcon(): JSX.Element {
  return (
    <svg
      class="share-icon"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      data-testid="share-icon"
    >
      <path d="M12 3v12M8 7l4-4 4 4M8 10H6v11h12V10h-2" />
    </svg>
  );
}

export type StepsBranch = Extract<
  InstallBranch,
  'share-steps' | 'firefox-menu' | 'firefox-desktop'
>;

export function InstallSteps({ branch }: { branch: StepsBranch }): JSX.Element {
  if (branch === 'share-steps') {
    return (
      <div data-install-steps={branch}>
        <ol class="install-steps">
          <li>
            Tap <strong>Share</strong> <ShareIcon /> in Safari’s toolbar (on iOS 26, under its{' '}
            <strong>⋯</strong> button).
          </li>
          <li>
            Tap <strong>Add to Home Screen</strong> (scroll the list if it is not in view).
          </li>
          <li>
            Tap <strong>Add</strong>: Dial-in opens from its icon, full screen.
          </li>
        </ol>
        <p class="muted">
          On a Mac: <strong>Share</strong>, then <strong>Add to Dock</strong>.
        </p>
      </div>
    );
  }
  if (branch === 'firefox-menu') {
    return (
      <ol class="install-steps" data-install-steps={branch}>
        <li>
          Tap Firefox’s menu button <strong>⋮</strong> beside the address bar.
        </li>
        <li>
          Tap <strong>Add app to Home screen</strong> (some versions say <strong>Install</strong>).
        </li>
      </ol>
    );
  }
  return (
    <p data-install-steps={branch}>
      Firefox on a computer does not install web apps. Dial-in works fully in this tab, offline too;
      to have it in its own window, open this address in Chrome, Edge or Safari and install it
      there.
    </p>
  );
}
