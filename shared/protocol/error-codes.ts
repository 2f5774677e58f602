import type { ErrorBody } from './errors.js';
import type { CodeRule } from './reply-policy.js';

/**
 * The error codes as plain data, apart from the TypeBox schema in errors.ts, so the app and the
 * service worker can check error bodies without bundling TypeBox. Each code's row of the reply
 * policy (reply-policy.ts) says what the client does about it.
 */

/**
 * Every error code the server sends, with what the client does about it. The set is closed:
 * the ErrorBody schema is built from these keys, and a body with any other code is not an
 * ErrorBody (it is looked up as a bare status).
 */
export const ERROR_CODES = {
  /** Malformed JSON, wrong types, unknown fields: a bug or a bad import. */
  bad_request: {
    status: 400,
    push: 'reject_named',
    replay: 'reject_named',
    logout: 'drop',
    ui: 'The change is listed as refused with the server’s message; resending it unchanged fails again.',
  },
  /** A value out of range or of the wrong kind, named in `details` (field, mutationId). */
  validation_failed: {
    status: 400,
    push: 'reject_named',
    replay: 'reject_named',
    logout: 'drop',
    ui: 'That change is listed as refused, naming the field; the rest of the batch syncs.',
  },
  /** Body over the size limit or too many mutations in one push. */
  payload_too_large: {
    status: 413,
    push: 'split',
    replay: 'release',
    logout: 'drop',
    ui: 'Nothing: the batch is sent again in smaller parts.',
  },
  /** No valid session. */
  unauthorized: {
    status: 401,
    push: 'sign_in',
    replay: 'keep',
    // A log-out that finds no session has nothing left to end.
    logout: 'drop',
    ui: 'The pill says "signed out"; Account asks for the password; nothing local is lost.',
  },
  /**
   * The push names another account than the session's: it was written (and queued) under an
   * account this device has since left. It must never be retried into the signed-in account,
   * so its entries are rejected: kept and shown, never silently deleted, and never blocking
   * the entries behind them.
   */
  account_mismatch: {
    status: 403,
    push: 'reject_all',
    replay: 'reject_all',
    logout: 'drop',
    ui: 'The changes are listed as refused: they belong to another account.',
  },
  /**
   * A state-changing request from a foreign Origin. The app only sends from its own origin, so
   * this is a bug of ours (a deploy whose origin setting is wrong); nothing about the changes is.
   */
  forbidden_origin: {
    status: 403,
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'Sync shows an error; every change stays pending until the server accepts the app again.',
  },
  /** Sign-up with an email that already has an account. */
  email_taken: {
    status: 409,
    push: 'reject_named',
    replay: 'reject_named',
    logout: 'drop',
    ui: 'The sign-up form offers to log in instead.',
  },
  /** Wrong email or password (deliberately indistinguishable). */
  invalid_credentials: {
    status: 401,
    push: 'sign_in',
    replay: 'keep',
    logout: 'drop',
    ui: 'The log-in form says the email or password is wrong and asks again.',
  },
  /** Too many attempts; `details.retryAfterS` says for how long. */
  rate_limited: {
    status: 429,
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'The form says to wait a minute; sync tries again later.',
  },
  /** A mutation's HLC is far ahead of server time; `details.serverTime` corrects the clock. */
  clock_ahead: {
    status: 409,
    push: 'restamp',
    replay: 'release',
    logout: 'drop',
    ui: 'Nothing: the changes are re-stamped from the corrected clock and sent again.',
  },
  /** A pull cursor that this server did not issue. */
  invalid_cursor: {
    status: 400,
    push: 'reject_named',
    replay: 'reject_named',
    logout: 'drop',
    ui: 'Nothing: the pull forgets its cursor once and starts from the beginning.',
  },
  /** The client speaks a protocol version this server does not. */
  upgrade_required: {
    status: 426,
    push: 'upgrade',
    replay: 'keep',
    logout: 'keep',
    ui: 'The app asks to reload for the new version; the changes wait for it.',
  },
  /** No such route or resource: a bug of ours. */
  not_found: {
    status: 404,
    push: 'reject_all',
    replay: 'reject_all',
    logout: 'drop',
    ui: 'The changes are listed as refused with the server’s message.',
  },
  /** The database is unreachable; nothing was written. */
  unavailable: {
    status: 503,
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'Sync shows an error; the changes stay pending and go on a later sync.',
  },
  /*
   * The photo upload's refusals (PUT ROUTES.photos.upload). An upload is a queued write like a
   * push: the page's upload follows the `push` column and the worker's replay the `replay`
   * column. None of them is split: a photo is one body, and smaller parts would not match its
   * hash. Every refusal writes nothing.
   */
  /** The body's SHA-256 is not the hash in the path: corrupted or mislabelled on the way. */
  hash_mismatch: {
    status: 400,
    push: 'reject_all',
    replay: 'reject_all',
    logout: 'drop',
    ui: 'The photo is marked "could not upload" with the server’s message; it stays on the device.',
  },
  /** Not JPEG, WebP or PNG by its signature; `details.found` names the type when known. */
  unsupported_media_type: {
    status: 415,
    push: 'reject_all',
    replay: 'reject_all',
    logout: 'drop',
    ui: 'The photo is marked "could not upload": the server names the file type it found.',
  },
  /** Over the per-image limit (`details.limitBytes`): rejected, never split like a push batch. */
  photo_too_large: {
    status: 413,
    push: 'reject_all',
    replay: 'reject_all',
    logout: 'drop',
    ui: 'The photo is marked "too large to upload" with the limit; it stays on the device.',
  },
  /**
   * The account's photos would pass its quota (`details.usedBytes`, `details.quotaBytes`). The
   * upload stays queued: it goes once photos are deleted, or the quota is raised.
   */
  photo_quota_exceeded: {
    status: 403,
    push: 'retry_later',
    replay: 'keep',
    logout: 'drop',
    ui: 'The photo waits on the device, marked "not uploaded": photo storage is full (used of quota); it uploads once photos are deleted.',
  },
  /** An unexpected server failure; the details are in the server log only. */
  internal: {
    status: 500,
    push: 'retry_later',
    replay: 'keep',
    logout: 'keep',
    ui: 'Sync shows an error; the changes stay pending and go on a later sync.',
  },
} as const satisfies Record<string, CodeRule>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * The shape of the ErrorBody schema, checked by hand (TypeBox stays out of the bundles);
 * client/src/sync/wire-checkers.test.ts holds it to the compiled schema.
 */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return (
    typeof body.statusCode === 'number' &&
    typeof body.message === 'string' &&
    typeof body.code === 'string' &&
    Object.hasOwn(ERROR_CODES, body.code)
  );
}
