import type { JSX } from 'preact';
import { offersCard } from './install-branch.js';
import { finishInstallCard } from './install-card-state.js';
import { installOffer, promptInstall } from './install-offer.js';
import { InstallSteps } from './install-steps.js';

/** The after-third-brew card (install-card.tsx decides when): a button, or the steps. */
export function InstallCardBody(): JSX.Element | null {
  const branch = installOffer.value;
  if (!offersCard(branch)) return null;
  async function install() {
    const answer = await promptInstall();
    if (answer !== 'unavailable') finishInstallCard();
  }
  return (
    <section class="card stack install-card" aria-labelledby="install-card-title">
      <h2 id="install-card-title">Install Dial-in</h2>
      <p>
        Keep Dial-in on your home screen: it opens like an app, full screen, and works offline at
        the grinder.
      </p>
      {branch === 'prompt' ? (
        <div class="btn-row">
          <button type="button" class="btn btn-primary" onClick={() => void install()}>
            Install
          </button>
          <button type="button" class="btn" onClick={finishInstallCard}>
            No thanks
          </button>
        </div>
      ) : (
        <>
          {branch === 'share-steps' || branch === 'firefox-menu' ? (
            <InstallSteps branch={branch} />
          ) : null}
          <p class="muted">Settings keeps these steps, under Install Dial-in.</p>
          <div class="btn-row">
            <button type="button" class="btn" onClick={finishInstallCard}>
              Got it
            </button>
          </div>
        </>
      )}
    </section>
  );
}
