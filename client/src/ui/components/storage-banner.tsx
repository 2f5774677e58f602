import type { JSX } from 'preact';
import { storageProblem } from '../storage-state.js';

/** Says why the screens are empty when the device's database does not open (storage-state). */
export function StorageBanner(): JSX.Element | null {
  const problem = storageProblem.value;
  if (problem === null) return null;
  return (
    <div class="banner banner-danger screen-head" role="alert" data-testid="storage-problem">
      <p>
        {problem.kind === 'slow'
          ? 'Your brews can’t be opened yet: this browser’s storage is not answering.'
          : 'Your brews can’t be opened: this browser refused its storage.'}{' '}
        Close other Dial-in tabs or windows, or restart the browser; nothing stored is lost.
      </p>
      {problem.detail ? <p class="muted">{problem.detail}</p> : null}
      <button type="button" class="btn" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
