import { ROUTES } from '../../../shared/protocol/routes.js';
import type {
  RevokedSessions,
  SessionInfo,
  SessionList,
} from '../../../shared/protocol/session.js';
import type { SyncEngine } from '../sync/engine.js';
import { accountRequest, type RequestResult } from './account-requests.js';

/** The account's signed-in sessions, this device's first. */
export async function listSessions(engine: SyncEngine): Promise<RequestResult<SessionInfo[]>> {
  const result = await accountRequest<SessionList>(engine, ROUTES.auth.sessions);
  return result.ok ? { ok: true, value: result.value.sessions } : result;
}

/** Ends another device's session (this device signs out through `logout`, which clears it). */
export async function revokeSession(
  engine: SyncEngine,
  id: string,
): Promise<RequestResult<RevokedSessions>> {
  return accountRequest<RevokedSessions>(engine, ROUTES.auth.revokeSession, { id });
}

/** Ends every session of the account but this device's. */
export async function revokeOtherSessions(
  engine: SyncEngine,
): Promise<RequestResult<RevokedSessions>> {
  return accountRequest<RevokedSessions>(engine, ROUTES.auth.revokeOtherSessions, {});
}
