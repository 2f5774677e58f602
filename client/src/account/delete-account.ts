import type { AccountDeleted } from '../../../shared/protocol/auth.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import type { SyncEngine } from '../sync/engine.js';
import { leaveDevice } from './account.js';
import { accountRequest, type RequestResult } from './account-requests.js';

/**
 * Deletes the account on the server (the password confirms it), then empties this device
 * the way a log-out does. The device is cleared only once the server has deleted: a wrong
 * password or no connection leaves everything as it was.
 */
export async function deleteAccount(
  engine: SyncEngine,
  password: string,
): Promise<RequestResult<AccountDeleted>> {
  const result = await accountRequest<AccountDeleted>(engine, ROUTES.auth.deleteAccount, {
    password,
  });
  if (result.ok) await leaveDevice(engine);
  return result;
}
