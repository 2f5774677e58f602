// The page side of the PWA: the UI reads the signals; main.tsx calls `startPwa()` once.
import type { WorkerBroadcast } from './messages.js';
import { startStoragePersistence } from './persistence.js';
import { registerServiceWorker } from './update.js';
import { onWorkerBroadcast, startReplayAsks } from './worker-link.js';

export {
  requestPersistentStorage,
  storageEstimate,
  storagePersistence,
} from './persistence.js';
export { applyUpdate, offlineReady, updateAvailable } from './update.js';
export { askWorkerReplay } from './worker-link.js';

export interface PwaOptions {
  /** Called after the worker replayed queued writes: refresh the sync status and pull. */
  onReplayed?: (message: WorkerBroadcast & { type: 'replayed' }) => void;
}

let started = false;

/**
 * Registers the worker (production builds), reads storage persistence (asking only where no
 * prompt shows), starts replays.
 */
export function startPwa(options: PwaOptions = {}): void {
  if (started) return;
  started = true;
  registerServiceWorker();
  void startStoragePersistence();
  startReplayAsks();
  const { onReplayed } = options;
  if (onReplayed) {
    onWorkerBroadcast((message) => {
      if (message.type === 'replayed') onReplayed(message);
    });
  }
}
