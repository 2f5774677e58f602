import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { readSessionCookie } from './session-cookie.js';
import { findSessionAccount } from './session-repository.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account; set by `requireAccount`, '' before it ran. */
    accountId: string;
  }
}

/**
 * preHandler for signed-in routes: resolves the session cookie to a live session row and sets
 * `request.accountId`, or refuses with 401 `unauthorized` (the client keeps its local changes
 * and asks the user to sign in again).
 */
export async function requireAccount(request: FastifyRequest): Promise<void> {
  const token = readSessionCookie(request);
  const accountId =
    token === undefined ? undefined : await findSessionAccount(request.server.db, token);
  if (accountId === undefined) {
    throw new AppError(401, 'unauthorized', 'Sign in to continue: no valid session.');
  }
  request.accountId = accountId;
}
