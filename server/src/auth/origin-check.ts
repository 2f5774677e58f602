import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function stripDefaultPort(host: string, protocol: string): string {
  const lower = host.toLowerCase();
  if (protocol === 'http:' && lower.endsWith(':80')) return lower.slice(0, -3);
  if (protocol === 'https:' && lower.endsWith(':443')) return lower.slice(0, -4);
  return lower;
}

/**
 * onRequest hook: a state-changing request whose Origin header is present and names another
 * host than the one it was sent to is refused with 403 `forbidden_origin` (CSRF defence on top
 * of SameSite=Lax). No Origin (curl, same-origin GETs, old browsers) passes; `Origin: null`
 * (sandboxed frames, file://) is refused.
 */
export async function checkOrigin(request: FastifyRequest): Promise<void> {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin === undefined) return;
  let originHost: string | undefined;
  try {
    const url = new URL(origin);
    originHost = stripDefaultPort(url.host, url.protocol);
    const requestHost = stripDefaultPort(request.host, url.protocol);
    if (originHost === requestHost) return;
  } catch {
    // Not a URL (e.g. "null"): treated as foreign below.
  }
  throw new AppError(403, 'forbidden_origin', 'Refused: the request came from another site.', {
    origin,
  });
}
