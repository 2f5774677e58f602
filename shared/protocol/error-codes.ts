import type { ErrorBody } from './errors.js';

/**
 * The error codes as plain data, apart from the TypeBox schema in errors.ts, so the app and the
 * service worker can check error bodies without bundling TypeBox.
 */

/**
 * Every error code the server sends, with what the client must do about it. The set is
 * closed: a client that meets a code it does not know treats it as `internal`.
 */
export const ERROR_CODES = {
  /** Malformed JSON, wrong types, unknown fields. Client: a bug or a bad import; do not retry. */
  bad_request: 'fix the request; do not retry it unchanged',
  /** A value out of range or of the wrong kind, named in `details`. Client: mark the mutation rejected, show the message. */
  validation_failed: 'mark the named mutation rejected and show the message',
  /** Body over the size limit or too many mutations. Client: send smaller batches. */
  payload_too_large: 'split the batch and retry',
  /** No valid session. Client: keep local changes, stop syncing, ask for the password. */
  unauthorized: 'keep local changes and sign in again',
  /** The push names another account than the session's. Client: never replay it into this account. */
  account_mismatch: 'drop the request; it belongs to another account',
  /** A state-changing request from a foreign Origin. Client: none (a browser protection). */
  forbidden_origin: 'none; the request came from another site',
  /** Signup with an email that already has an account. Client: offer to log in. */
  email_taken: 'offer to log in instead',
  /** Wrong email or password (deliberately indistinguishable). Client: ask again. */
  invalid_credentials: 'ask for the email and password again',
  /** Too many attempts. Client: wait `details.retryAfterS` seconds. */
  rate_limited: 'wait and retry later',
  /** A mutation's HLC is far ahead of server time. Client: correct the clock offset from `serverTime`, re-stamp, retry. */
  clock_ahead: 're-stamp the mutations from the corrected clock and retry',
  /** A pull cursor that this server did not issue. Client: reset the cursor and pull from the start. */
  invalid_cursor: 'reset the pull cursor and pull everything again',
  /** The client speaks a protocol version this server does not. Client: reload to upgrade. */
  upgrade_required: 'reload the app to upgrade',
  /** No such route or resource. Client: a bug; do not retry. */
  not_found: 'do not retry',
  /** The database is unreachable. Client: retry later; nothing was written. */
  unavailable: 'retry later',
  /** An unexpected server failure; the details are in the server log only. Client: retry later. */
  internal: 'retry later',
} as const;

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
