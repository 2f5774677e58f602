import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_TTL_MS } from './session-repository.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** PUBLIC_URL: where people reach the app, when configured. */
    publicUrl: URL | null;
  }
}

/** The cookie name over plain http (development, tests, an http-only deployment). */
export const SESSION_COOKIE = 'dialin_session';
/**
 * The name when PUBLIC_URL is https. Browsers only accept a `__Host-` cookie that is Secure,
 * has path / and no Domain, so neither a sibling subdomain nor a plain-http page can set or
 * shadow it.
 */
export const HOST_SESSION_COOKIE = '__Host-dialin_session';

function cookieFor(request: FastifyRequest): { name: string; secure: boolean } {
  if (request.server.publicUrl?.protocol === 'https:') {
    return { name: HOST_SESSION_COOKIE, secure: true };
  }
  return { name: SESSION_COOKIE, secure: request.protocol === 'https' };
}

/**
 * HttpOnly (scripts never see it), SameSite=Lax (not sent on cross-site POSTs), path / (the
 * service worker's replayed pushes carry it), Secure when PUBLIC_URL is https (whatever a
 * proxy says) or when the request came over https.
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
): void {
  const { name, secure } = cookieFor(request);
  reply.setCookie(name, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const { name, secure } = cookieFor(request);
  reply.clearCookie(name, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const token = request.cookies[cookieFor(request).name];
  return token === undefined || token === '' ? undefined : token;
}
