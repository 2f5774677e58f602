/**
 * The reply policy: what the client does with each answer to a write, as data. The page's push
 * (client/src/sync/push.ts) and the worker's replay (client/src/pwa/sw/replay.ts) both look the
 * answer up here and act on the row they get; neither decides on a status or a code by itself.
 * Plain data, so the app and the worker bundles stay free of TypeBox. The rows for the server's
 * error codes are ERROR_CODES (error-codes.ts); the rows for answers without one are here.
 *
 * Codes a push never gets (the sign-in and pull ones) still have a row for it, the treatment of
 * any other 4xx, so that an unexpected answer can neither stall the outbox nor lose an entry.
 */
import { ERROR_CODES, type ErrorCode, isErrorBody } from './error-codes.js';

/** What the page's push does with the entries of a batch that got this answer. */
export type Recovery =
  /** Keep every entry pending and stop; the next sync sends them again. */
  | 'retry_later'
  /** Keep everything, mark the device signed out on the server, stop until the user signs in. */
  | 'sign_in'
  /**
   * Learn the server's time, re-stamp the outbox, resend. When re-stamping has not helped a few
   * times, treated as `reject_named`: the entries are kept, refused and visible.
   */
  | 'restamp'
  /** Halve the batch and resend; a batch of one that is still refused is `reject_named`. */
  | 'split'
  /** Reject the mutation the error names (the whole batch if it names none); resend the rest. */
  | 'reject_named'
  /** Reject every entry of the request; the entries behind it still go. */
  | 'reject_all'
  /** Keep every entry pending and stop: this app is older than the server; it asks for an update. */
  | 'upgrade';

/**
 * What the worker's replay does with a queued push that got this answer. It cannot re-stamp or
 * split a stored request, so where the page would, it releases the entries to the page.
 */
export type ReplayRecovery =
  /** Put the request back first in the queue and end the round (Background Sync or the page retries). */
  | 'keep'
  /**
   * Drop the request; its outbox entries stay 'queued', and the page resends them once
   * QUEUED_HOLD_MS has passed (client/src/data/outbox.ts), re-stamping or splitting as it does.
   */
  | 'release'
  /** Reject the mutation the error names and release the rest (all of them if it names none). */
  | 'reject_named'
  /** Reject every entry of the request and go on with the requests behind it. */
  | 'reject_all';

/** What the worker does with a queued log-out that got this answer. */
export type LogoutRecovery =
  /** Put it back and end the round: the server session must still end. */
  | 'keep'
  /** Take it out of the queue: the session has ended, or sending it again cannot end it. */
  | 'drop';

export interface ReplyRule {
  /** The page's push. */
  push: Recovery;
  /** The worker's replay of a queued push. */
  replay: ReplayRecovery;
  /** The worker's replay of a queued log-out. */
  logout: LogoutRecovery;
  /** What the user sees. */
  ui: string;
}

export interface CodeRule extends ReplyRule {
  /** The HTTP status the server sends this code with. */
  status: number;
}

/** Answers that carry no error body of ours: no answer at all, or someone else's page. */
export const BARE_REPLIES = {
  /** No answer: offline, connection cut, body cut off mid-way. */
  network: {
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'The pill says "offline"; the changes wait (in the worker’s queue, where there is one).',
  },
  /** No answer in time (the worker's budget, or the browser's). */
  timeout: {
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'The pill says "offline"; the changes wait.',
  },
  /** A 2xx or 3xx that is not the server's answer (a captive portal's sign-in page). */
  not_the_server: {
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'Sync shows an error ("an answer that is not the server’s"); nothing is acknowledged.',
  },
  /** A 401 without our body (a proxy's login wall). */
  http_401: {
    push: 'sign_in',
    replay: 'keep',
    logout: 'drop',
    ui: 'As `unauthorized`: Account asks for the password; nothing local is lost.',
  },
  /** A 403 without our body (a firewall's or a proxy's): about the network, not the changes. */
  http_403: {
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'Sync shows an error; the changes stay pending.',
  },
  /** Request timeout from a proxy. */
  http_408: {
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'Sync shows an error; the changes go on a later sync.',
  },
  /** A proxy's body-size limit (smaller than the server's). */
  http_413: {
    push: 'split',
    replay: 'release',
    logout: 'drop',
    ui: 'Nothing: the batch is sent again in smaller parts.',
  },
  /** Too early (TLS early data replayed). */
  http_425: {
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'Sync shows an error; the changes go on a later sync.',
  },
  /** A proxy's or the host's rate limit. */
  http_429: {
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'Sync shows an error; the changes go on a later sync.',
  },
  /** Any other 4xx without our body. */
  http_4xx: {
    push: 'reject_named',
    replay: 'reject_named',
    logout: 'drop',
    ui: 'The changes are listed as refused ("HTTP <status>").',
  },
  /** A 5xx without our body (a proxy's 502 page, a host's 503). */
  http_5xx: {
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'Sync shows an error; the changes stay pending and go on a later sync.',
  },
} as const satisfies Record<string, ReplyRule>;

export type BareReply = keyof typeof BARE_REPLIES;

/** Every row of the policy. */
export type ReplyKey = ErrorCode | BareReply;

/** An answer that did not acknowledge the write: a status and its parsed body, or none at all. */
export type Refusal = { status: number; body: unknown } | 'network' | 'timeout';

/** The row for an answer: its error code when it carries our error body, else its status. */
export function replyKey(refusal: Refusal): ReplyKey {
  if (refusal === 'network' || refusal === 'timeout') return refusal;
  const { status, body } = refusal;
  if (status < 400) return 'not_the_server';
  if (isErrorBody(body)) return body.code;
  if (status >= 500) return 'http_5xx';
  const bare = `http_${status}`;
  return Object.hasOwn(BARE_REPLIES, bare) ? (bare as BareReply) : 'http_4xx';
}

export function ruleFor(key: ReplyKey): ReplyRule {
  return Object.hasOwn(ERROR_CODES, key)
    ? ERROR_CODES[key as ErrorCode]
    : BARE_REPLIES[key as BareReply];
}

/** The rule for an answer that did not acknowledge a write. */
export function replyRule(refusal: Refusal): ReplyRule {
  return ruleFor(replyKey(refusal));
}
