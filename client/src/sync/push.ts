import type { ErrorBody } from '../../../shared/protocol/errors.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { type Refusal, replyRule } from '../../../shared/protocol/reply-policy.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.js';
import { learnServerTime } from '../data/clock.js';
import type { DialInDb } from '../data/db.js';
import { loadMeta, updateMeta } from '../data/meta.js';
import {
  ackOutbox,
  markQueued,
  markSent,
  rejectOutbox,
  restampOutbox,
  sendableEntries,
  toMutation,
} from '../data/outbox.js';
import type { OutboxEntry } from '../data/schema.js';
import { asErrorBody, type HttpResult, isTimeout, requestJson, type Transport } from './http.js';
import { networkError, type SyncError, signedOut, toSyncError } from './sync-error.js';

/** What one `pushOutbox` did: entries acknowledged, handed to the worker's queue, refused. */
export type OutboxPushResult =
  | { ok: true; pushed: number; queued: number; rejected: number }
  | { ok: false; error: SyncError; pushed: number; queued: number; rejected: number };

const MAX_RESTAMPS = 3;

/** Puts entries that were in flight back in line (the request failed without an answer). */
async function unsend(db: DialInDb, entries: readonly OutboxEntry[]): Promise<void> {
  const ids = new Set(entries.map((entry) => entry.mutationId));
  await db.outbox
    .where('mutationId')
    .anyOf([...ids])
    .modify((entry) => {
      if (entry.state === 'sent') entry.state = 'pending';
    });
}

/** One push run's state, carried across its batches. */
interface PushRun {
  accountId: string;
  batchSize: number;
  restamps: number;
  counts: { pushed: number; queued: number; rejected: number };
}

/**
 * Sends this account's outbox, oldest first, in batches of at most LIMITS.pushMutations,
 * until nothing sendable is left or the server stops us. Never throws for HTTP or network
 * failures: the entries stay in the outbox, which is the source of truth.
 *
 * 200 (the server's own answer) acknowledges; 202 {queued} from the service worker marks the
 * entries queued. Every other answer is handled by its row of the reply policy
 * (shared/protocol/reply-policy.ts), the same table the worker's replay reads.
 */
export async function pushOutbox(
  db: DialInDb,
  transport: Transport,
  options: { batchSize?: number } = {},
): Promise<OutboxPushResult> {
  const batchSize = Math.min(options.batchSize ?? LIMITS.pushMutations, LIMITS.pushMutations);
  const counts = { pushed: 0, queued: 0, rejected: 0 };
  let run: PushRun | null = null;
  for (;;) {
    const meta = await loadMeta(db);
    if (meta.accountId === null) return { ok: true, ...counts };
    if (meta.signedOutOnServer) return { ok: false, error: signedOut(), ...counts };
    run ??= { accountId: meta.accountId, batchSize, restamps: 0, counts };
    run.accountId = meta.accountId;
    const entries = await sendableEntries(db, meta.accountId, run.batchSize);
    if (entries.length === 0) return { ok: true, ...counts };
    const ids = entries.map((entry) => entry.mutationId);
    await markSent(db, ids);
    const result = await requestJson(
      transport,
      'POST',
      ROUTES.sync.push.path,
      {
        accountId: meta.accountId,
        deviceId: meta.deviceId,
        schemaVersion: PROTOCOL_VERSION,
        mutations: entries.map(toMutation),
      },
      db.now,
    );
    if (result.kind === 'response') {
      const { status, body } = result;
      // Only the server's own answer acknowledges: a captive portal's 200 page must not.
      if (status === 200 && isPushResponse(body)) {
        await ackOutbox(db, ids);
        counts.pushed += ids.length;
        await learnServerTime(db, body.serverTime, result.sentAt, result.receivedAt);
        continue;
      }
      if (status === 202 && (body as { queued?: unknown } | null)?.queued === true) {
        await markQueued(db, ids);
        counts.queued += ids.length;
        continue;
      }
    }
    const error = await recover(db, run, entries, result);
    if (error !== null) return { ok: false, error, ...counts };
  }
}

/** The error a push stops with, for an answer that did not acknowledge it. */
function stopError(result: HttpResult): SyncError {
  if (result.kind === 'network') return networkError(result.error);
  if (result.status < 400) {
    const message = `the push got an answer that is not the server's (HTTP ${result.status})`;
    return { code: 'bad_response', message, statusCode: result.status };
  }
  return toSyncError(asErrorBody(result.status, result.body));
}

/**
 * Acts on the reply policy's row for an answer that did not acknowledge the batch. Returns
 * the error to stop with, or null when the push goes on with the next batch.
 */
async function recover(
  db: DialInDb,
  run: PushRun,
  entries: readonly OutboxEntry[],
  result: HttpResult,
): Promise<SyncError | null> {
  const refusal: Refusal =
    result.kind === 'network'
      ? isTimeout(result.error)
        ? 'timeout'
        : 'network'
      : { status: result.status, body: result.body };
  const ids = entries.map((entry) => entry.mutationId);
  await unsend(db, entries);
  const error = result.kind === 'network' ? null : asErrorBody(result.status, result.body);
  switch (replyRule(refusal).push) {
    case 'retry_later':
    case 'upgrade':
      return stopError(result);
    case 'sign_in':
      await updateMeta(db, { signedOutOnServer: true });
      return signedOut();
    case 'restamp':
      if (run.restamps >= MAX_RESTAMPS || result.kind === 'network') break;
      run.restamps += 1;
      if (typeof error?.details?.serverTime === 'number') {
        await learnServerTime(db, error.details.serverTime, result.sentAt, result.receivedAt);
      }
      await restampOutbox(db, run.accountId);
      return null;
    case 'split':
      if (entries.length <= 1) break;
      run.batchSize = Math.max(1, Math.floor(entries.length / 2));
      return null;
    case 'reject_all':
      return reject(db, run, ids, error, result);
    case 'reject_named':
      break;
  }
  // reject_named, and a re-stamp or a split that can no longer help: the server names the bad
  // mutation, which is rejected alone; the rest of the batch goes again.
  const named = error?.details?.mutationId;
  return reject(
    db,
    run,
    typeof named === 'string' && ids.includes(named) ? [named] : ids,
    error,
    result,
  );
}

async function reject(
  db: DialInDb,
  run: PushRun,
  ids: string[],
  error: ErrorBody | null,
  result: HttpResult,
): Promise<SyncError | null> {
  // Only a reply with a status reaches a rejecting row; an answerless one would stop instead.
  if (error === null) return stopError(result);
  await rejectOutbox(db, ids, error);
  run.counts.rejected += ids.length;
  return null;
}

/** The shape of the server's PushResponse, checked by hand (TypeBox stays out of the bundles). */
export function isPushResponse(body: unknown): body is { serverTime: number; applied: number } {
  if (typeof body !== 'object' || body === null) return false;
  const reply = body as Record<string, unknown>;
  return typeof reply.serverTime === 'number' && typeof reply.applied === 'number';
}
