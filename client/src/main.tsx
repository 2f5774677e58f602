import { render } from 'preact';
import { startPwa } from './pwa/index.js';
import { App, preloadScreens } from './ui/app.js';
import { db } from './ui/app-state.js';
import { afterFirstContent } from './ui/first-content.js';
import { startInstallOffer } from './ui/install/install-events.js';
import { startRouter } from './ui/router.js';
import { markStart } from './ui/start-marks.js';
import { watchStorageOpen } from './ui/storage-state.js';
import { startSync, syncNow } from './ui/sync-state.js';
import { startTheme } from './ui/theme.js';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/parts.css';
import './styles/dial-in.css';
import './styles/settings.css';
import './styles/install.css';

// Benchmarks in every engine read these marks (no CDP in Firefox and WebKit).
markStart();
// Before the first render, so a forced theme is the first one painted.
startTheme();
startRouter();
// Before the first render: Chromium may fire `beforeinstallprompt` before any screen asks.
startInstallOffer();
watchStorageOpen(db);
const root = document.getElementById('app');
if (root) render(<App />, root);
// Service worker (production builds), persistent storage, replay triggers: client/src/pwa.
// After the worker replays queued pushes, sync again to pull what they changed.
startPwa({ onReplayed: syncNow });
// The sync engine and the other screens' chunks once the first screen has painted its data:
// their evaluation would otherwise hold that paint back (ui/first-content.ts).
afterFirstContent(() => {
  startSync();
  preloadScreens();
});
