/**
 * The page side of the PWA. The UI reads the signals; main.tsx calls `startPwa()` once.
 *
 *   updateAvailable (signal<boolean>)     show "Update available — reload"
 *   applyUpdate()                         the "reload" button: swap in the new version
 *   offlineReady (signal<boolean>)        the shell is cached; the app opens offline
 *   storagePersistence (signal)           'unknown' | 'persisted' | 'best-effort' | 'unsupported'
 *   storageEstimate (signal)              {usage, quota} in bytes, or null
 *   requestPersistentStorage()            ask again (settings)
 *   workerQueuePending (signal<number>)   requests waiting in the worker's queue
 *   lastWorkerReplay (signal)             the worker's last replay: acked, rejected, pending, at
 *   onWorkerBroadcast(listener)           'queued' / 'replayed' reports (the sync engine pulls
 *                                         after 'replayed')
 *   requestReplay() / queueStatus() / clearQueue()
 */

import type { WorkerBroadcast } from './messages.js';
import { startStoragePersistence } from './persistence.js';
import { registerServiceWorker } from './update.js';
import { onWorkerBroadcast, startReplayTriggers } from './worker-link.js';

export type { QueueStatus, WorkerBroadcast } from './messages.js';
export {
  refreshStorageEstimate,
  requestPersistentStorage,
  type StoragePersistence,
  storageEstimate,
  storagePersistence,
} from './persistence.js';
export { applyUpdate, offlineReady, registerServiceWorker, updateAvailable } from './update.js';
export {
  clearQueue,
  lastWorkerReplay,
  onWorkerBroadcast,
  queueStatus,
  requestReplay,
  workerQueuePending,
} from './worker-link.js';

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
  startReplayTriggers();
  const { onReplayed } = options;
  if (onReplayed) {
    onWorkerBroadcast((message) => {
      if (message.type === 'replayed') onReplayed(message);
    });
  }
}
