/**
 * The worker's side of writes: pushes and log-outs go to the network when it answers and into
 * the Background Sync queue when it does not; replays, clears and sign-ins take turns on one
 * lock, because Workbox has none and a `sync` event and a page's "replay" can arrive together.
 * Lib-agnostic: the worker globals stay in client/src/pwa/sw/sw.ts.
 */
import type { ErrorBody } from '../../../../shared/protocol/errors.js';
import type { QueueStatus, WorkerBroadcast } from '../messages.js';
import {
  describePush,
  type QueueMeta,
  queuedMutationIds,
  type RequestQueue,
  removeEntries,
} from './queue-entry.js';
import { type ReplayResult, replayRound } from './replay.js';

/** The outbox for one replay round: opened on first use, closed at the end of the round. */
export interface OutboxSession {
  ack(mutationIds: string[]): Promise<void>;
  reject(mutationIds: string[], error: ErrorBody): Promise<void>;
  close(): void;
}

export interface PushQueueDeps {
  queue: RequestQueue;
  openOutbox: () => OutboxSession;
  broadcast: (message: WorkerBroadcast) => void;
  fetchImpl?: typeof fetch;
}

/**
 * A push that has not answered in this long is queued and the page gets its 202, so the app
 * never hangs on a fetch (lie-fi). The server accepts the duplicate if the slow one landed.
 */
const LIVE_PUSH_BUDGET_MS = 15_000;

const isPush = (meta: QueueMeta) => meta.kind === 'push';
const isLogout = (meta: QueueMeta) => meta.kind === 'logout';

function queuedResponse(): Response {
  return new Response(JSON.stringify({ queued: true }), {
    status: 202,
    headers: { 'content-type': 'application/json' },
  });
}

function createLock() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

export function createPushQueue({
  queue,
  openOutbox,
  broadcast,
  fetchImpl = fetch,
}: PushQueueDeps) {
  const withLock = createLock();
  let waitingReplay: Promise<ReplayResult> | null = null;

  async function fetchWithBudget(request: Request): Promise<Response> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), LIVE_PUSH_BUDGET_MS);
    try {
      return await fetchImpl(new Request(request, { signal: controller.signal }));
    } finally {
      clearTimeout(timer);
    }
  }

  async function runReplay(): Promise<ReplayResult> {
    const before = await queue.size();
    const outbox = openOutbox();
    let result: ReplayResult;
    try {
      result = await replayRound(queue, outbox, fetchImpl);
    } finally {
      outbox.close();
    }
    if (before > 0) {
      broadcast({ type: 'replayed', ...result, pending: await queue.size() });
    }
    return result;
  }

  return {
    /** POST /api/sync/push: the server's answer, or `202 {queued: true}` when it is out of reach. */
    async handlePush(request: Request): Promise<Response> {
      const meta = await describePush(request);
      try {
        return await fetchWithBudget(request.clone());
      } catch {
        // Page resends of entries still waiting here add nothing; only what the queue lost is
        // queued again.
        const waiting = new Set(await queuedMutationIds(queue));
        if (meta.mutationIds.length === 0 || !meta.mutationIds.every((id) => waiting.has(id))) {
          await queue.pushRequest({ request, metadata: meta });
        }
        broadcast({ type: 'queued', mutationIds: meta.mutationIds, pending: await queue.size() });
        return queuedResponse();
      }
    },

    /**
     * POST /api/auth/logout. The user has already chosen to discard what is unsynced, so every
     * queued push goes first: nothing of this account is sent after it logs out. Offline, or
     * when the server failed to revoke (5xx: it cleared the cookie and left a sign-out ticket,
     * which the replay carries), the log-out waits in the queue, so the server session still
     * ends.
     */
    handleLogout(request: Request): Promise<Response> {
      return withLock(async () => {
        await removeEntries(queue, isPush);
        const queueIt = async () => {
          await removeEntries(queue, isLogout);
          await queue.pushRequest({ request, metadata: { kind: 'logout' } });
          return queuedResponse();
        };
        try {
          const response = await fetchWithBudget(request.clone());
          return response.status >= 500 ? await queueIt() : response;
        } catch {
          return queueIt();
        }
      });
    },

    /**
     * POST /api/auth/login and /signup. Once another session's cookie is set, a queued log-out
     * would end *that* session (cookies are attached at replay time), so it is dropped; the
     * lock keeps a replay from sending it in between.
     */
    handleSignIn(request: Request): Promise<Response> {
      return withLock(async () => {
        const response = await fetchImpl(request);
        if (response.ok) await removeEntries(queue, isLogout);
        return response;
      });
    },

    /** Replays the queue; a call while one is waiting for the lock joins that one. */
    replay(): Promise<ReplayResult> {
      if (waitingReplay) return waitingReplay;
      const replay = withLock(() => {
        waitingReplay = null;
        return runReplay();
      });
      waitingReplay = replay;
      return replay;
    },

    /** Forgets every queued push (the user discarded them); a queued log-out stays. */
    clear(): Promise<number> {
      return withLock(() => removeEntries(queue, isPush));
    },

    async status(): Promise<QueueStatus> {
      return {
        type: 'queue-status',
        pending: await queue.size(),
        mutationIds: await queuedMutationIds(queue),
      };
    },
  };
}

export type PushQueue = ReturnType<typeof createPushQueue>;
