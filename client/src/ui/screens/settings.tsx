import type { JSX } from 'preact';
import { version } from '../../../../package.json';
import { brewers, deleted, grinders, history } from '../app-state.js';
import { DeviceSettingsForm } from '../components/device-settings-form.js';
import { ExportPanel } from '../components/export-panel.js';
import { ImportPanel } from '../components/import-panel.js';
import { PhotoStoragePanel } from '../components/photo-storage-panel.js';
import { PwaStatus } from '../components/pwa-status.js';
import { InstallSection } from '../install/install-section.js';

function RestoreLink(): JSX.Element {
  const deletedCount = deleted.value.bags.length + deleted.value.brews.length;
  return (
    <section class="card" aria-labelledby="restore-title">
      <h2 id="restore-title">Restore</h2>
      <a class="btn" href="#/history">
        History and deleted items ({deletedCount + history.value.length})
      </a>
    </section>
  );
}

function GearLink(): JSX.Element {
  return (
    <section class="card" aria-labelledby="gear-title">
      <h2 id="gear-title">Gear</h2>
      <a class="btn" href="#/gear">
        Grinders ({grinders.value.length}) and brewers ({brewers.value.length})
      </a>
    </section>
  );
}

function About(): JSX.Element {
  return (
    <section class="card" aria-labelledby="about-title">
      <h2 id="about-title">About</h2>
      <dl class="kv">
        <dt>App version</dt>
        <dd data-testid="app-version">{version}</dd>
      </dl>
    </section>
  );
}

/** Settings: this device's preferences, your data, restore, the app's state and version. */
export function Settings(): JSX.Element {
  return (
    <div class="stack">
      <h1>Settings</h1>
      <InstallSection />
      <DeviceSettingsForm />
      <GearLink />
      <ExportPanel />
      <ImportPanel />
      <RestoreLink />
      <PwaStatus />
      <PhotoStoragePanel />
      <About />
    </div>
  );
}
