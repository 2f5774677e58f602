import { ERROR_CODES } from '../../../../shared/protocol/error-codes.js';
import type { Recovery } from '../../../../shared/protocol/reply-policy.js';
import type { SyncError, SyncErrorCode } from '../../sync/sync-error.js';
import { plural } from './format.js';

/**
 * Why a sync stopped, in a person's words: the first half of the sentence the Account screen
 * shows. One line per code of the closed union, so a new code cannot go unworded.
 */
const WHAT_HAPPENED: Record<SyncErrorCode, string> = {
  internal: 'The server had a problem',
  unavailable: 'The server is not available right now',
  rate_limited: 'The server asked the app to slow down',
  forbidden_origin: 'The server does not accept this copy of the app (a setting on the server)',
  unauthorized: 'You were signed out on the server',
  invalid_credentials: 'You were signed out on the server',
  upgrade_required: 'The server needs a newer version of the app',
  account_mismatch: 'Some changes were made under another account',
  bad_request: 'The server refused a change',
  validation_failed: 'The server refused a change',
  email_taken: 'The server refused a change',
  not_found: 'The server refused a change',
  invalid_cursor: 'The server did not know where the last download stopped',
  payload_too_large: 'A batch of changes was too large for the server',
  hash_mismatch: 'A photo arrived damaged at the server',
  unsupported_media_type: 'The server does not take that kind of image',
  photo_too_large: 'A photo was too large for the server',
  photo_quota_exceeded: 'Your photo storage on the server is full',
  clock_ahead: 'This device’s clock is ahead of the server’s',
  network: 'The server could not be reached',
  bad_response: 'An answer came that is not the server’s (a Wi-Fi sign-in page?)',
  account_changed: 'The account changed while syncing',
  choice_required: 'The account screen has a question for you',
  unsynced: 'Some changes have not been sent yet',
  signed_in: 'This device is already signed in',
};

/**
 * What happens to the waiting changes: the reply policy's push action for a server code
 * (shared/protocol/error-codes.ts); the client's own codes are tried again like a failure
 * with no answer.
 */
function pushAction(code: SyncErrorCode): Recovery {
  return Object.hasOwn(ERROR_CODES, code)
    ? ERROR_CODES[code as keyof typeof ERROR_CODES].push
    : 'retry_later';
}

function whenAgain(retryInS: number | null): string {
  if (retryInS === null) return 'at the next sync';
  if (retryInS <= 0) return 'now';
  return `in ${Math.ceil(retryInS)} s`;
}

/**
 * "The server had a problem; your 2 changes will be sent again in 30 s." The count is the
 * outbox's; `retryInS` is the time to the engine's next try (null: none is scheduled).
 */
export function syncProblem(error: SyncError, pending: number, retryInS: number | null): string {
  const what = WHAT_HAPPENED[error.code];
  if (pending === 0) return `${what}; nothing is waiting to be sent.`;
  const yours = `your ${plural(pending, 'change')}`;
  switch (pushAction(error.code)) {
    case 'retry_later':
    case 'split':
    case 'restamp':
      return `${what}; ${yours} will be sent again ${whenAgain(retryInS)}.`;
    case 'sign_in':
      return `${what}; ${yours} are kept here and go once you log in again.`;
    case 'upgrade':
      return `${what}; ${yours} are kept here and go after the update.`;
    case 'reject_all':
    case 'reject_named':
      return `${what}; it is listed below, and ${yours} are kept here.`;
  }
}
