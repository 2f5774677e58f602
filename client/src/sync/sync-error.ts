import type { ErrorCode } from '../../../shared/protocol/error-codes.js';
import type { ErrorBody } from '../../../shared/protocol/errors.js';

/**
 * Every reason a sync or account step can stop with, in one closed union. The server's codes
 * say what the UI shows in their ERROR_CODES row (shared/protocol/error-codes.ts); the codes
 * only the client makes are these.
 */
export type ClientErrorCode =
  /** No answer from the server. The pill shows "offline"; the account form says "No connection". */
  | 'network'
  /** An answer that is not the server's (a captive portal's page). Sync shows an error. */
  | 'bad_response'
  /** The account changed under a running pull (log out, another account). Sync shows an error until the next run. */
  | 'account_changed'
  /** A log-in on a device with anonymous data: the account screen asks to merge or discard. */
  | 'choice_required'
  /** A log-out or account switch would lose unsynced changes: the account screen asks first. */
  | 'unsynced'
  /** A sign-up on a device already signed in: the account screen shows the message. */
  | 'signed_in';

export type SyncErrorCode = ErrorCode | ClientErrorCode;

/** Why a sync step stopped. */
export interface SyncError {
  code: SyncErrorCode;
  message: string;
  statusCode?: number;
}

export function signedOut(): SyncError {
  return { code: 'unauthorized', message: 'signed out on the server', statusCode: 401 };
}

export function toSyncError(error: ErrorBody): SyncError {
  return { code: error.code, message: error.message, statusCode: error.statusCode };
}

/** An error for a request that never got an answer. */
export function networkError(error: unknown): SyncError & { code: 'network' } {
  return { code: 'network', message: error instanceof Error ? error.message : String(error) };
}
