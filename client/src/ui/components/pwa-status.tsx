import type { JSX } from 'preact';
import {
  applyUpdate,
  offlineReady,
  requestPersistentStorage,
  storageEstimate,
  storagePersistence,
  updateAvailable,
} from '../../pwa/index.js';

const MB = 1024 * 1024;

/**
 * Storage persistence and the app's update state. Safari evicts a site's IndexedDB after 7
 * days without use unless storage is persistent (or the app is installed), so the user
 * should see which it is.
 */
export function PwaStatus(): JSX.Element {
  const state = storagePersistence.value;
  const estimate = storageEstimate.value;
  return (
    <section class="card stack" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage on this device</h2>
      <p data-testid="persistence" data-state={state}>
        {state === 'persisted'
          ? 'Persistent: the browser will not clear your brews to make room.'
          : state === 'best-effort'
            ? 'Not persistent: the browser may clear data of sites unused for a while. Installing the app helps.'
            : state === 'unsupported'
              ? 'This browser does not report storage persistence.'
              : 'Checking…'}
      </p>
      {estimate ? (
        <p class="muted">
          Using {(estimate.usage / MB).toFixed(1)} MB of {(estimate.quota / MB).toFixed(0)} MB.
        </p>
      ) : null}
      {state === 'best-effort' ? (
        <div class="btn-row">
          <button type="button" class="btn" onClick={() => void requestPersistentStorage()}>
            Ask to keep my data
          </button>
        </div>
      ) : null}
      <p class="muted">{offlineReady.value ? 'Ready to work offline.' : ''}</p>
      {updateAvailable.value ? <UpdateBanner /> : null}
    </section>
  );
}

/** "Update available — reload": never applied by itself under a half-filled form. */
export function UpdateBanner(): JSX.Element {
  return (
    <div class="banner screen-head" role="status" style={{ margin: 0 }}>
      <span>A new version of Dial-in is ready.</span>
      <button type="button" class="btn btn-primary" onClick={() => void applyUpdate()}>
        Reload
      </button>
    </div>
  );
}
