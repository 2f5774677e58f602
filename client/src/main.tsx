import { render } from 'preact';
import { startPwa } from './pwa/index.js';
import { App, preloadScreens } from './ui/app.js';
import { db } from './ui/app-state.js';
import { startRouter } from './ui/router.js';
import { watchStorageOpen } from './ui/storage-state.js';
import { startSync, syncNow } from './ui/sync-state.js';
import { startTheme } from './ui/theme.js';
import './styles/base.css';
import './styles/controls.css';
import './styles/layout.css';
import './styles/parts.css';
import './styles/dial-in.css';
import './styles/settings.css';

// Before the first render, so a forced theme is the first one painted.
startTheme();
startRouter();
watchStorageOpen(db);
const root = document.getElementById('app');
if (root) render(<App />, root);
// Service worker (production builds), persistent storage, replay triggers: client/src/pwa.
// After the worker replays queued pushes, sync again to pull what they changed.
startPwa({ onReplayed: syncNow });
startSync();
// The other screens' chunks, right after the first paint.
requestAnimationFrame(() => setTimeout(preloadScreens, 0));
