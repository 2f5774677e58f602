/**
 * Every API route, declared once: the server registers each from here, and the page, the
 * service worker, the tests and the benchmarks address them from here. Free of TypeBox, so
 * the client bundle can import it.
 */

export type ApiMethod = 'GET' | 'POST' | 'PUT';

export interface ApiRoute {
  readonly method: ApiMethod;
  /** The full path on the origin, no query string; `:name` is a path parameter. */
  readonly path: string;
}

/** Every API path starts with this segment; no file of the app shell does. */
export const API_ROOT = '/api';

export const ROUTES = {
  /** Database reachable and newest migration; polled by Docker and the test harness. */
  health: { method: 'GET', path: '/api/health' },
  /** The OpenAPI 3.1 document of every route this server registered; public, like the client. */
  docs: { method: 'GET', path: '/api/docs' },
  auth: {
    signup: { method: 'POST', path: '/api/auth/signup' },
    login: { method: 'POST', path: '/api/auth/login' },
    /** Always 200: a session already gone is logged out. */
    logout: { method: 'POST', path: '/api/auth/logout' },
    me: { method: 'GET', path: '/api/auth/me' },
    /** The account's live sessions; `current` marks the caller's. */
    sessions: { method: 'GET', path: '/api/auth/sessions' },
    /** Body `{id}`: ends one session of the account. */
    revokeSession: { method: 'POST', path: '/api/auth/revoke-session' },
    /** Ends every session of the account but the caller's. */
    revokeOtherSessions: { method: 'POST', path: '/api/auth/revoke-other-sessions' },
    /** Needs the current password; ends every other session. */
    changePassword: { method: 'POST', path: '/api/auth/password' },
    /** Needs the password; deletes every row of the account, then its session is gone too. */
    deleteAccount: { method: 'POST', path: '/api/auth/delete-account' },
  },
  sync: {
    push: { method: 'POST', path: '/api/sync/push' },
    /** Query `cursor` and `limit`. */
    pull: { method: 'GET', path: '/api/sync/pull' },
  },
  /**
   * Photo bytes, content-addressed: `:hash` is the SHA-256 of the bytes, lower-case hex (build
   * the path with `photoPath`). The photo rows themselves travel by push and pull.
   */
  photos: {
    /** The raw image as the body. Idempotent: the same bytes under their hash again is a no-op. */
    upload: { method: 'PUT', path: '/api/photos/:hash' },
    /** Only for an account holding a photo row with this hash; 404 otherwise. Immutable. */
    download: { method: 'GET', path: '/api/photos/:hash' },
  },
  /** Registered only on a server started with test hooks; 404 like any unknown path otherwise. */
  test: {
    failNextPush: { method: 'POST', path: '/api/test/fail-next-push' },
    revokeSessions: { method: 'POST', path: '/api/test/revoke-sessions' },
    crashAfterCommit: { method: 'POST', path: '/api/test/crash-after-commit' },
    stats: { method: 'GET', path: '/api/test/stats' },
    failAssets: { method: 'POST', path: '/api/test/fail-assets' },
  },
} as const satisfies {
  health: ApiRoute;
  docs: ApiRoute;
  auth: Record<string, ApiRoute>;
  sync: Record<string, ApiRoute>;
  photos: Record<string, ApiRoute>;
  test: Record<string, ApiRoute>;
};

/** Every route of the table, test hooks included, in declaration order. */
export const ALL_ROUTES: readonly ApiRoute[] = [
  ROUTES.health,
  ROUTES.docs,
  ...Object.values(ROUTES.auth),
  ...Object.values(ROUTES.sync),
  ...Object.values(ROUTES.photos),
  ...Object.values(ROUTES.test),
];

/** The path of the photo bytes named by `hash` (upload and download share it). */
export function photoPath(hash: string): string {
  return ROUTES.photos.upload.path.replace(':hash', encodeURIComponent(hash));
}

/** Whether a path (no query string) belongs to the API rather than to the app shell. */
export function isApiPath(path: string): boolean {
  return path === API_ROOT || path.startsWith(`${API_ROOT}/`);
}
