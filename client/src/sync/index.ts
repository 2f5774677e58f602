// What the page's lazily loaded sync chunk needs (ui/sync-state.ts); the rest of sync/ is
// imported module by module.
export { SyncEngine } from './engine.js';
export { browserEnvironment } from './environment.js';
export { defaultTransport } from './http.js';
