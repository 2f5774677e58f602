import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { readSessionCookie, setSessionCookie } from './session-cookie.js';
import { findLiveSession, type LiveSession, renewSessionIfDue } from './session-repository.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account; set by `requireAccount`, '' before it ran. */
    accountId: string;
    /** The session row behind the cookie; set with accountId, null before. */
    session: LiveSession | null;
  }
}

/**
 * Hook for signed-in routes (onRequest or preHandler): resolves the session cookie to a live
 * session row and sets `request.accountId`, or refuses with 401 `unauthorized` (the client
 * keeps its local changes and asks the user to sign in again). Renews a session in the second
 * half of its life, re-sending the cookie.
 */
export async function requireAccount(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = readSessionCookie(request);
  const session = token === undefined ? undefined : await findLiveSession(request.server.db, token);
  if (token === undefined || session === undefined) {
    throw new AppError(401, 'unauthorized', 'Sign in to continue: no valid session.');
  }
  request.accountId = session.accountId;
  request.session = session;
  if ((await renewSessionIfDue(request.server.db, session)) !== null) {
    setSessionCookie(request, reply, token);
  }
}

/** The caller's session id, in a route behind requireAccount (a bug anywhere else). */
export function currentSessionId(request: FastifyRequest): string {
  if (request.session === null) throw new Error('currentSessionId outside requireAccount');
  return request.session.id;
}
