/**
 * The page's line to the service worker's push queue: asks it to replay (browsers without
 * Background Sync only replay when asked), hears what it did over the BroadcastChannel, and
 * asks what it holds.
 */
import { signal } from '@preact/signals';
import {
  isWorkerBroadcast,
  type PageMessage,
  type QueueStatus,
  WORKER_CHANNEL,
  type WorkerBroadcast,
} from './messages.js';

/** Requests waiting in the worker's queue (pushes and a log-out), as last reported. */
export const workerQueuePending = signal(0);

/** The last replay round the worker reported (what it acknowledged or rejected, when). */
export const lastWorkerReplay = signal<(WorkerBroadcast & { type: 'replayed'; at: number }) | null>(
  null,
);

const STATUS_TIMEOUT_MS = 5_000;

async function activeWorker(): Promise<ServiceWorker | null> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return registration?.active ?? null;
}

async function ask(message: PageMessage): Promise<QueueStatus | null> {
  const worker = await activeWorker();
  if (!worker) return null;
  const { port1, port2 } = new MessageChannel();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), STATUS_TIMEOUT_MS);
    port1.onmessage = (event: MessageEvent<QueueStatus>) => {
      clearTimeout(timer);
      workerQueuePending.value = event.data.pending;
      resolve(event.data);
    };
    worker.postMessage(message, [port2]);
  });
}

/**
 * The triggers below and the sync engine both ask on `online` and on becoming visible; asks made
 * before the message goes out share it (the worker also joins overlapping replays). An ask made
 * after it went out always sends its own: the queue or the network may have changed since, and
 * nothing else would ask again (a time window here dropped the `online` that came less than a
 * second after the start-up ask, and the queue then sat until the next trigger).
 */
let unsentReplayAsk: Promise<boolean> | null = null;

async function postReplayAsk(): Promise<boolean> {
  let worker: ServiceWorker | null;
  try {
    worker = await activeWorker();
  } finally {
    unsentReplayAsk = null;
  }
  worker?.postMessage({ type: 'replay' } satisfies PageMessage);
  return worker !== null;
}

/** Asks the worker to replay its queue now. False when no worker is active (dev, first load). */
export function askWorkerReplay(): Promise<boolean> {
  unsentReplayAsk ??= postReplayAsk();
  return unsentReplayAsk;
}

/** What the worker holds: its pending count and every queued mutation id (null: no worker). */
export function queueStatus(): Promise<QueueStatus | null> {
  return ask({ type: 'queue-status' });
}

/**
 * Drops every queued push: the user chose to discard unsynced changes. (A log-out through the
 * worker does this by itself; this is for discarding without logging out.)
 */
export function clearQueue(): Promise<QueueStatus | null> {
  return ask({ type: 'clear-queue' });
}

/** Listens to the worker's reports; returns the unsubscribe. */
export function onWorkerBroadcast(listener: (message: WorkerBroadcast) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(WORKER_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isWorkerBroadcast(event.data)) listener(event.data);
  };
  return () => channel.close();
}

/**
 * After a round that stalled (network error or 5xx) while the page is online and visible, ask
 * again later: `online` can fire before requests get through, and without Background Sync
 * nothing else would retry until the next trigger. Backs off to a minute; resets on success.
 */
const RETRY_DELAYS_MS = [2_000, 5_000, 15_000, 60_000];

/**
 * Asks the worker to replay at start, on `online` and on becoming visible, asks again after a
 * stalled round, and keeps the queue signals current. Returns the unsubscribe.
 */
export function startReplayAsks(): () => void {
  let retries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  const ask = () => void askWorkerReplay();
  const onVisible = () => {
    if (document.visibilityState === 'visible') ask();
  };
  const retryLater = (stalled: boolean) => {
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    if (!stalled) {
      retries = 0;
      return;
    }
    const delay = RETRY_DELAYS_MS[Math.min(retries, RETRY_DELAYS_MS.length - 1)] ?? 60_000;
    retries += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      if (navigator.onLine && document.visibilityState === 'visible') ask();
    }, delay);
  };
  window.addEventListener('online', ask);
  document.addEventListener('visibilitychange', onVisible);
  const stopListening = onWorkerBroadcast((message) => {
    workerQueuePending.value = message.pending;
    if (message.type !== 'replayed') return;
    lastWorkerReplay.value = { ...message, at: Date.now() };
    retryLater(message.stalled && message.pending > 0);
  });
  ask();
  return () => {
    if (retryTimer !== null) clearTimeout(retryTimer);
    window.removeEventListener('online', ask);
    document.removeEventListener('visibilitychange', onVisible);
    stopListening();
  };
}
