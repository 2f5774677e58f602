/**
 * What the page and the service worker say to each other. Imported by both sides, so it holds
 * types and constants only: no DOM, no worker globals.
 */

/**
 * The BroadcastChannel the worker reports on; every open page of the origin listens. (Pages
 * talk among themselves about accounts on client/src/sync/channel.ts's ACCOUNT_CHANNEL.)
 */
export const WORKER_CHANNEL = 'dial-in-worker';

/** The Workbox Background Sync queue; its sync tag is `workbox-background-sync:<name>`. */
export const PUSH_QUEUE = 'dialin-push';

/** Page → worker, with `postMessage`. */
export type PageMessage =
  /** Replay the queue now: browsers without Background Sync only replay when asked. */
  | { type: 'replay' }
  /** Activate the waiting version (sent by `applyUpdate`, the name workbox-window uses). */
  | { type: 'SKIP_WAITING' }
  /** Forget every queued push (the user discarded unsynced changes). Replies `queue-status`. */
  | { type: 'clear-queue' }
  /** Which mutations are waiting in the queue? Replies `queue-status` on the message port. */
  | { type: 'queue-status' };

/** Worker → page, on the message port of the request it answers. */
export interface QueueStatus {
  type: 'queue-status';
  /** Queued requests, pushes and log-outs. */
  pending: number;
  /** The mutation ids of every queued push, in queue order. */
  mutationIds: string[];
}

/** Worker → every page, on WORKER_CHANNEL. */
export type WorkerBroadcast =
  /** A push could not reach the server and was queued; the page got `202 {queued: true}`. */
  | { type: 'queued'; mutationIds: string[]; pending: number }
  /**
   * A replay round ended. `acked` outbox entries are gone from IndexedDB, `rejected` ones
   * are marked rejected. `pending` requests remain; `stalled` means the round stopped on an
   * answer the reply policy keeps the request for (no answer, a 5xx, a 401...) and will be
   * retried.
   */
  | {
      type: 'replayed';
      acked: string[];
      rejected: string[];
      pending: number;
      stalled: boolean;
    };

export function isPageMessage(value: unknown): value is PageMessage {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return (
    type === 'replay' ||
    type === 'SKIP_WAITING' ||
    type === 'clear-queue' ||
    type === 'queue-status'
  );
}

export function isWorkerBroadcast(value: unknown): value is WorkerBroadcast {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'queued' || type === 'replayed';
}
