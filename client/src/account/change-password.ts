import type { ChangePasswordRequest, PasswordChanged } from '../../../shared/protocol/auth.js';
import { passwordProblem } from '../../../shared/protocol/auth-rules.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import type { SyncEngine } from '../sync/engine.js';
import { accountRequest, type RequestResult } from './account-requests.js';

/**
 * Changes the password: the current one is required, the new one follows the shared rules
 * (checked here first, so an obviously bad one costs no request). Every other session of the
 * account ends; this device stays signed in.
 */
export async function changePassword(
  engine: SyncEngine,
  request: ChangePasswordRequest,
): Promise<RequestResult<PasswordChanged>> {
  const problem = passwordProblem(request.newPassword);
  if (problem !== null) {
    return { ok: false, error: { code: 'validation_failed', message: problem } };
  }
  return accountRequest<PasswordChanged>(engine, ROUTES.auth.changePassword, request);
}
