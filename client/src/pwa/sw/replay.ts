/**
 * One replay round of the push queue, following DESIGN.md "Client write path":
 * 2xx acknowledges; a network error or a 5xx keeps the request and ends the round (the browser
 * or the page retries later); a 4xx drops the request and marks its outbox entries rejected
 * with the server's error, then carries on with the entries behind it.
 */
import { isErrorBody } from '../../../../shared/protocol/error-codes.js';
import type { ErrorBody } from '../../../../shared/protocol/errors.js';
import { type QueueEntry, type RequestQueue, readMeta } from './queue-entry.js';

/** What the round does to the outbox in IndexedDB. */
export interface OutboxUpdates {
  /** The server applied these: remove them. */
  ack(mutationIds: string[]): Promise<void>;
  /** The server refused these for good: keep them, marked rejected with its error. */
  reject(mutationIds: string[], error: ErrorBody): Promise<void>;
}

export interface ReplayResult {
  acked: string[];
  rejected: string[];
  /** Ended on a network error or a retryable status; the first entry is still queued. */
  stalled: boolean;
}

/**
 * `release`: the server refused the batch, not its entries (too large, clock ahead). The request
 * leaves the queue and the outbox entries stay 'queued'; the page's sync engine resends them
 * after QUEUED_HOLD_MS (client/src/data/outbox.ts), splitting or re-stamping as it does.
 */
type Verdict = 'ack' | 'retry' | 'reject' | 'release';

/** A replay that hangs (lie-fi) counts as a network error, so the round cannot stall forever. */
const REPLAY_TIMEOUT_MS = 15_000;

/** Statuses that say "not now" rather than "never": the request stays queued. */
const RETRY_STATUSES = new Set([401, 408, 425, 429]);

function verdictFor(status: number, body: ErrorBody | null, kind: 'push' | 'logout'): Verdict {
  if (status >= 200 && status < 300) return 'ack';
  if (status >= 500) return 'retry';
  // A log-out answered 401 found no session to end: done.
  if (kind === 'logout') return status === 401 ? 'ack' : 'release';
  // 401: the session is gone; the user signs in again and the same request then succeeds (or
  // meets 403 account_mismatch under another account). upgrade_required: the next app version
  // sends it again.
  if (RETRY_STATUSES.has(status) || body?.code === 'upgrade_required') return 'retry';
  if (status === 413 || body?.code === 'payload_too_large' || body?.code === 'clock_ahead') {
    return 'release';
  }
  return 'reject';
}

async function errorBodyOf(response: Response): Promise<ErrorBody | null> {
  try {
    const body: unknown = await response.clone().json();
    return isErrorBody(body) ? body : null;
  } catch {
    return null;
  }
}

async function send(entry: QueueEntry, fetchImpl: typeof fetch): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REPLAY_TIMEOUT_MS);
  try {
    return await fetchImpl(new Request(entry.request.clone(), { signal: controller.signal }));
  } finally {
    clearTimeout(timer);
  }
}

/** Replays the queue front to back. The caller holds the queue lock. */
export async function replayQueue(
  queue: RequestQueue,
  outbox: OutboxUpdates,
  fetchImpl: typeof fetch = fetch,
): Promise<ReplayResult> {
  const result: ReplayResult = { acked: [], rejected: [], stalled: false };
  // Mutations delivered in this round: a later request carrying only these (the page resent
  // entries that were still queued) needs no second trip.
  const delivered = new Set<string>();
  for (let entry = await queue.shiftRequest(); entry; entry = await queue.shiftRequest()) {
    const meta = readMeta(entry.metadata);
    const ids = meta.kind === 'push' ? meta.mutationIds : [];
    if (ids.length > 0 && ids.every((id) => delivered.has(id))) continue;

    let response: Response;
    try {
      response = await send(entry, fetchImpl);
    } catch {
      await queue.unshiftRequest(entry);
      result.stalled = true;
      break;
    }
    const body = response.ok ? null : await errorBodyOf(response);
    const verdict = verdictFor(response.status, body, meta.kind);
    if (verdict === 'retry') {
      await queue.unshiftRequest(entry);
      result.stalled = true;
      break;
    }
    if (ids.length === 0) continue;
    if (verdict === 'ack') {
      for (const id of ids) delivered.add(id);
      result.acked.push(...ids);
      await outbox.ack(ids);
    } else if (verdict === 'reject') {
      result.rejected.push(...ids);
      await outbox.reject(
        ids,
        body ?? {
          statusCode: response.status,
          code: 'bad_request',
          message: `The server refused these changes (HTTP ${response.status}).`,
        },
      );
    }
  }
  return result;
}
