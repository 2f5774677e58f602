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
 * While the worker holds queued requests and the device is online, ask it to replay again after
 * these delays: without Background Sync (Firefox, WebKit) nothing else retries a push queued
 * during a server outage, and `online` never fires because the device never went offline. Short
 * enough that a queue is delivered within seconds of the server returning; the last repeats.
 */
export const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

export interface RetrySchedule {
  /** Feeds a worker report: pending requests keep the schedule going; an empty queue ends it. */
  report(message: WorkerBroadcast): void;
  stop(): void;
}

/**
 * Backs off from 1 s to 15 s between asks while a report says requests are pending, and resets
 * once a round leaves nothing queued. Nothing is scheduled, and an ask due is not made, while
 * offline: `online` asks then, and its round's report starts the schedule again.
 */
export function retryWhileQueued(ask: () => void, isOnline: () => boolean): RetrySchedule {
  let retries = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const schedule = () => {
    const delay = RETRY_DELAYS_MS[Math.min(retries, RETRY_DELAYS_MS.length - 1)] ?? 15_000;
    retries += 1;
    timer = setTimeout(() => {
      timer = null;
      if (isOnline()) ask();
    }, delay);
  };
  return {
    report(message) {
      if (message.pending === 0) {
        clear();
        retries = 0;
        return;
      }
      // Queued while offline: the `online` event asks when the network returns.
      if (!isOnline()) {
        clear();
        return;
      }
      // A newly queued push joins the wait already scheduled; a finished round that left
      // requests behind schedules the next, longer one.
      if (message.type === 'queued' && timer !== null) return;
      clear();
      schedule();
    },
    stop: clear,
  };
}

/**
 * Asks the worker to replay at start, on `online` and on becoming visible, retries while requests are queued,
 * and keeps the queue signals current. Returns the unsubscribe.
 */
export function startReplayAsks(): () => void {
  const ask = () => void askWorkerReplay();
  const onVisible = () => {
    if (document.visibilityState === 'visible') ask();
  };
  const retries = retryWhileQueued(ask, () => navigator.onLine);
  window.addEventListener('online', ask);
  document.addEventListener('visibilitychange', onVisible);
  const stopListening = onWorkerBroadcast((message) => {
    workerQueuePending.value = message.pending;
    if (message.type === 'replayed') lastWorkerReplay.value = { ...message, at: Date.now() };
    retries.report(message);
  });
  ask();
  return () => {
    retries.stop();
    window.removeEventListener('online', ask);
    document.removeEventListener('visibilitychange', onVisible);
    stopListening();
  };
}
