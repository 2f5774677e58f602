import type { ErrorBody } from '../../../shared/protocol/errors.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
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
import { errorBodyOf, networkError, requestJson, type Transport } from './http.js';

export const PUSH_PATH = ROUTES.sync.push.path;

/** Why a sync step stopped. `code` is an ErrorBody code, or `network`. */
export interface SyncError {
  code: string;
  message: string;
  statusCode?: number;
}

export type PushResult =
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

/**
 * Sends this account's outbox, oldest first, in batches of at most LIMITS.pushMutations,
 * until nothing sendable is left or the server stops us. Never throws for HTTP or network
 * failures: the entries stay in the outbox, which is the source of truth.
 *
 * - 200: acknowledged, removed. 202 {queued}: the service worker holds them; marked queued.
 * - 409 clock_ahead: learn the offset from `serverTime`, re-stamp, retry.
 * - 401: mark the device signed out on the server; keep everything; stop.
 * - other 4xx naming one mutation: reject that one, retry the rest; naming none: reject the
 *   batch. Either way the entries behind them still go.
 * - 5xx, 403 account_mismatch, 426, 429, network: keep pending, stop.
 */
export async function pushOutbox(
  db: DialInDb,
  transport: Transport,
  options: { batchSize?: number } = {},
): Promise<PushResult> {
  let batchSize = Math.min(options.batchSize ?? LIMITS.pushMutations, LIMITS.pushMutations);
  const counts = { pushed: 0, queued: 0, rejected: 0 };
  let restamps = 0;
  for (;;) {
    const meta = await loadMeta(db);
    if (meta.accountId === null) return { ok: true, ...counts };
    if (meta.signedOutOnServer) return { ok: false, error: signedOut(), ...counts };
    const entries = await sendableEntries(db, meta.accountId, batchSize);
    if (entries.length === 0) return { ok: true, ...counts };
    const ids = entries.map((entry) => entry.mutationId);
    await markSent(db, ids);
    const result = await requestJson(
      transport,
      'POST',
      PUSH_PATH,
      {
        accountId: meta.accountId,
        deviceId: meta.deviceId,
        schemaVersion: PROTOCOL_VERSION,
        mutations: entries.map(toMutation),
      },
      db.now,
    );
    if (result.kind === 'network') {
      await unsend(db, entries);
      return { ok: false, error: networkError(result.error), ...counts };
    }
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
    if (status < 300) {
      await unsend(db, entries);
      const message = `the push got an answer that is not the server's (HTTP ${status})`;
      return { ok: false, error: { code: 'bad_response', message }, ...counts };
    }
    const error = errorBodyOf(status, body);
    const stop = async (): Promise<PushResult> => {
      await unsend(db, entries);
      return { ok: false, error: toSyncError(error), ...counts };
    };
    if (status === 401) {
      await unsend(db, entries);
      await updateMeta(db, { signedOutOnServer: true });
      return { ok: false, error: signedOut(), ...counts };
    }
    if (error.code === 'clock_ahead' && restamps < MAX_RESTAMPS) {
      restamps += 1;
      const serverTime = error.details?.serverTime;
      if (typeof serverTime === 'number') {
        await learnServerTime(db, serverTime, result.sentAt, result.receivedAt);
      }
      await restampOutbox(db, meta.accountId);
      continue;
    }
    if (error.code === 'payload_too_large' && batchSize > 1) {
      await unsend(db, entries);
      batchSize = Math.max(1, Math.floor(entries.length / 2));
      continue;
    }
    if (status >= 500 || status === 403 || status === 426 || status === 429) return stop();
    if (status >= 400) {
      // The server names the bad mutation: reject it alone; the rest of the batch goes again.
      const named = error.details?.mutationId;
      const culprit = typeof named === 'string' && ids.includes(named) ? [named] : ids;
      await rejectOutbox(db, culprit, error);
      await unsend(db, entries);
      counts.rejected += culprit.length;
      continue;
    }
    return stop();
  }
}

export function isPushResponse(body: unknown): body is { serverTime: number; applied: number } {
  if (typeof body !== 'object' || body === null) return false;
  const reply = body as Record<string, unknown>;
  return typeof reply.serverTime === 'number' && typeof reply.applied === 'number';
}

export function signedOut(): SyncError {
  return { code: 'unauthorized', message: 'signed out on the server', statusCode: 401 };
}

export function toSyncError(error: ErrorBody): SyncError {
  return { code: error.code, message: error.message, statusCode: error.statusCode };
}
