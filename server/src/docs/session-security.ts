import type { RouteOptions } from 'fastify';
import { requireAccount } from '../auth/require-account.js';
import { SESSION_COOKIE } from '../auth/session-cookie.js';

/** The name the document gives the session scheme. */
export const SESSION_SCHEME = 'session';

/** Whether a route runs requireAccount in a hook: exactly those answer 401 without a session. */
export function needsSession(route: RouteOptions): boolean {
  return [route.onRequest, route.preHandler].flat().includes(requireAccount);
}

/** The session cookie that the operations marked with SESSION_SCHEME require. */
export const SESSION_SECURITY_SCHEMES = {
  [SESSION_SCHEME]: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description:
      'Set by signup and login, HttpOnly. Named `__Host-dialin_session` when PUBLIC_URL is https.',
  },
} as const;
