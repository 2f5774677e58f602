/**
 * One replay round of the push queue. The server's own answer to a push (200 with a
 * PushResponse) acknowledges it, and to a log-out (200 `{ok: true}`) ends it; every other
 * answer is handled by its row of the reply policy (shared/protocol/reply-policy.ts), the table
 * the page's push reads too. Its `replay` and `logout` columns say what the worker does where
 * it cannot act as the page does.
 */
import type { ErrorBody } from '../../../../shared/protocol/errors.js';
import {
  type Refusal,
  type ReplyRule,
  replyRule,
} from '../../../../shared/protocol/reply-policy.js';
import { asErrorBody, isTimeout } from '../../sync/http.js';
import { isPushResponse } from '../../sync/push.js';
import { type QueueEntry, type QueueMeta, type RequestQueue, readMeta } from './queue-entry.js';

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
  /** Ended on an answer the policy keeps the request for; the first entry is still queued. */
  stalled: boolean;
}

/** A replay that hangs (lie-fi) counts as a timeout, so the round cannot stall forever. */
const REPLAY_TIMEOUT_MS = 15_000;

async function send(entry: QueueEntry, fetchImpl: typeof fetch): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REPLAY_TIMEOUT_MS);
  try {
    return await fetchImpl(new Request(entry.request.clone(), { signal: controller.signal }));
  } finally {
    clearTimeout(timer);
  }
}

/** The answer's JSON body, or null when it has none (or it is not JSON: someone else's page). */
async function readJsonBody(response: Response): Promise<unknown> {
  try {
    return await response.clone().json();
  } catch {
    return null;
  }
}

/** Sends one queued request: 'ack' when the server took it, else the policy's row for the answer. */
async function answerFor(
  entry: QueueEntry,
  meta: QueueMeta,
  fetchImpl: typeof fetch,
): Promise<{ kind: 'ack' } | { kind: 'refused'; rule: ReplyRule; error: ErrorBody | null }> {
  let refusal: Refusal;
  try {
    const response = await send(entry, fetchImpl);
    const body = await readJsonBody(response);
    const served =
      meta.kind === 'push' ? isPushResponse(body) : (body as { ok?: unknown } | null)?.ok === true;
    if (response.status === 200 && served) return { kind: 'ack' };
    refusal = { status: response.status, body };
  } catch (error) {
    refusal = isTimeout(error) ? 'timeout' : 'network';
  }
  const error =
    refusal === 'network' || refusal === 'timeout'
      ? null
      : asErrorBody(refusal.status, refusal.body);
  return { kind: 'refused', rule: replyRule(refusal), error };
}

/** The entries a refused push rejects: the one the error names, or all when it names none. */
function rejectedBy(rule: ReplyRule, ids: string[], error: ErrorBody): string[] {
  if (rule.replay === 'reject_all') return ids;
  const named = error.details?.mutationId;
  return typeof named === 'string' && ids.includes(named) ? [named] : ids;
}

/** Replays the queue front to back. The caller holds the queue lock. */
export async function replayRound(
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

    const answer = await answerFor(entry, meta, fetchImpl);
    if (answer.kind === 'ack') {
      for (const id of ids) delivered.add(id);
      result.acked.push(...ids);
      if (ids.length > 0) await outbox.ack(ids);
      continue;
    }
    const { rule, error } = answer;
    const keep = meta.kind === 'push' ? rule.replay === 'keep' : rule.logout === 'keep';
    if (keep) {
      await queue.unshiftRequest(entry);
      result.stalled = true;
      break;
    }
    // 'release' (and a dropped log-out): the request leaves the queue, the outbox is untouched.
    if (ids.length === 0 || error === null || rule.replay === 'release') continue;
    const rejected = rejectedBy(rule, ids, error);
    result.rejected.push(...rejected);
    await outbox.reject(rejected, error);
  }
  return result;
}
