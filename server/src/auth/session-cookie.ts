import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_TTL_MS } from './session-repository.js';

export const SESSION_COOKIE = 'dialin_session';

/**
 * HttpOnly (scripts never see it), SameSite=Lax (not sent on cross-site POSTs), path / (the
 * service worker's replayed pushes carry it), Secure when the request came over https.
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: request.protocol === 'https',
  });
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE];
  return token === undefined || token === '' ? undefined : token;
}
