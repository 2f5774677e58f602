import type { ApiRoute } from '../../../shared/protocol/routes.js';
import type { SyncEngine } from '../sync/engine.js';
import { asErrorBody, requestJson } from '../sync/http.js';
import { networkError, type SyncError, toSyncError } from '../sync/sync-error.js';

export type RequestResult<T> = { ok: true; value: T } | { ok: false; error: SyncError };

/**
 * One signed-in account request from the device: a 2xx gives its body, anything else a
 * SyncError (the server's code, or `network`). Never throws for an expected failure.
 */
export async function accountRequest<T>(
  engine: SyncEngine,
  route: ApiRoute,
  body?: unknown,
): Promise<RequestResult<T>> {
  const result = await requestJson(engine.transport, route.method, route.path, body);
  if (result.kind === 'network') return { ok: false, error: networkError(result.error) };
  if (result.status < 200 || result.status >= 300) {
    return { ok: false, error: toSyncError(asErrorBody(result.status, result.body)) };
  }
  return { ok: true, value: result.body as T };
}
