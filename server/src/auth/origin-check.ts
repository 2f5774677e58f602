import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The origin this request was sent to, serialized as browsers send it (scheme, lower-cased
 * host, port only when not the scheme's default), or null when the Host header is no host.
 */
function ownOrigin(request: FastifyRequest): string | null {
  try {
    const url = new URL(`${request.protocol}://${request.host}`);
    return url.host === '' ? null : url.origin;
  } catch {
    return null;
  }
}

/**
 * The Origin header as a serialized origin, or null when it is not one: browsers send exactly
 * `scheme://host[:port]`, never userinfo, a path or a default port, so anything else was
 * written by hand and is foreign.
 */
function parsedOrigin(header: string): string | null {
  try {
    const url = new URL(header);
    if (url.origin === 'null' || url.origin.toLowerCase() !== header.toLowerCase()) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/**
 * onRequest hook: a state-changing request whose Origin header is present and is not this
 * server's full origin (scheme, host and port) is refused with 403 `forbidden_origin` (CSRF
 * defence on top of SameSite=Lax). No Origin (curl, same-origin GETs, old browsers) passes;
 * `Origin: null` (sandboxed frames, file://) is refused.
 */
export async function checkOrigin(request: FastifyRequest): Promise<void> {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const theirs = parsedOrigin(origin);
  if (theirs !== null && theirs === ownOrigin(request)) return;
  throw new AppError(403, 'forbidden_origin', 'Refused: the request came from another site.', {
    origin,
  });
}
