import type { FastifyReply, FastifyRequest } from 'fastify';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { SESSION_MAX_AGE_MS } from './session-repository.js';
import { hashSessionToken } from './session-token.js';

/**
 * A log-out clears the session cookie before it revokes the session, so a browser on a shared
 * computer forgets the session even when revoking fails (a 5xx). To let the client retry the
 * revocation, the same answer leaves a sign-out ticket: the session's stored hash, which
 * revokes it (logout) but cannot sign anyone in — a session needs the token whose hash it is.
 * Retrying a log-out, or signing in again, revokes the ticket's session and clears it.
 *
 * HttpOnly and SameSite=Strict, sent only to the auth routes; `__Secure-` (not `__Host-`, which
 * requires path /) when PUBLIC_URL is https.
 */
const TICKET_COOKIE = 'dialin_signout';
const SECURE_TICKET_COOKIE = '__Secure-dialin_signout';
const TICKET_PATH = ROUTES.auth.logout.path.slice(0, ROUTES.auth.logout.path.lastIndexOf('/'));
/** A base64url sha-256, as hashSessionToken writes it; anything else is no ticket. */
const TICKET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function ticketCookie(request: FastifyRequest): { name: string; secure: boolean } {
  if (request.server.publicUrl?.protocol === 'https:') {
    return { name: SECURE_TICKET_COOKIE, secure: true };
  }
  return { name: TICKET_COOKIE, secure: request.protocol === 'https' };
}

const options = (secure: boolean) =>
  ({ httpOnly: true, sameSite: 'strict', path: TICKET_PATH, secure }) as const;

/** Leaves the ticket for the session of `token` in this answer. */
export function setSignOutTicket(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  const { name, secure } = ticketCookie(request);
  reply.setCookie(name, hashSessionToken(token), {
    ...options(secure),
    maxAge: Math.floor(SESSION_MAX_AGE_MS / 1000),
  });
}

/** Forgets the ticket the request came with: its session is revoked. */
export function clearSignOutTicket(request: FastifyRequest, reply: FastifyReply): void {
  const { name, secure } = ticketCookie(request);
  reply.clearCookie(name, options(secure));
}

/** The stored session hash an earlier, failed log-out left, or undefined. */
export function readSignOutTicket(request: FastifyRequest): string | undefined {
  const value = request.cookies[ticketCookie(request).name];
  return value !== undefined && TICKET_SHAPE.test(value) ? value : undefined;
}
