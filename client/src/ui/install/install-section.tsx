import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { finishInstallCard } from './install-card-state.js';
import { installOffer, promptInstall } from './install-offer.js';
import { InstallSteps } from './install-steps.js';

/** What the browser answered the prompt, said where the button was. */
const OUTCOMES = {
  accepted: 'Installing: Dial-in opens from its icon from now on.',
  dismissed: 'Not installed. Your browser’s menu can still install Dial-in later.',
  unavailable: 'The browser did not show its prompt. Its menu may offer to install Dial-in.',
} as const;

/**
 * Settings' "Install Dial-in": the browser's prompt where it has one, the steps where it has
 * none, and nothing when the app already runs installed or the browser offers no way.
 */
export function InstallSection(): JSX.Element | null {
  const [outcome, setOutcome] = useState<keyof typeof OUTCOMES | null>(null);
  const branch = installOffer.value;
  // After the prompt the event is spent (branch 'none'): the answer stays on the screen.
  if (branch === 'none' && outcome === null) return null;
  async function install() {
    const answer = await promptInstall();
    // Installed or declined from here, the brew list's card has nothing left to offer.
    if (answer !== 'unavailable') finishInstallCard();
    setOutcome(answer);
  }
  return (
    <section class="card stack" aria-labelledby="install-title" data-install={branch}>
      <h2 id="install-title">Install Dial-in</h2>
      {branch === 'prompt' ? (
        <>
          <p>
            Add Dial-in to your home screen: it opens in its own window, like an app, and works
            offline.
          </p>
          <div class="btn-row">
            <button type="button" class="btn btn-primary" onClick={() => void install()}>
              Install Dial-in
            </button>
          </div>
        </>
      ) : branch === 'none' ? null : (
        <InstallSteps branch={branch} />
      )}
      {outcome ? <p role="status">{OUTCOMES[outcome]}</p> : null}
    </section>
  );
}
