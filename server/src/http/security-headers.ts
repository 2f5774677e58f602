import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/**
 * The Content-Security-Policy of every answer. The built app has no inline style element and
 * loads nothing from elsewhere; its one inline script (index.html's theme before the first
 * paint) is allowed by its hash, added at start (static/inline-scripts.ts). Photos are shown
 * from blob: and data: URLs. Inline `style` attributes set through the DOM (Preact's style
 * props) are CSSOM writes, which CSP does not govern. No `upgrade-insecure-requests`: an
 * http-only deployment (development, tests) must keep working.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Security headers on every answer (API, app shell, assets): the CSP above (with the sources
 * of the app shell's inline scripts), nosniff, no
 * Referer, a same-origin opener, and HSTS only when PUBLIC_URL is https (over plain http the
 * header would be ignored at best, or pin a name that has no certificate).
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  publicUrl: URL | null,
  inlineScriptSources: readonly string[] = [],
): Promise<void> {
  const directives = {
    ...CONTENT_SECURITY_POLICY,
    scriptSrc: [...CONTENT_SECURITY_POLICY.scriptSrc, ...inlineScriptSources],
  };
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // require-corp would refuse nothing we load but buys nothing either (no SharedArrayBuffer).
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity:
      publicUrl?.protocol === 'https:' ? { maxAge: ONE_YEAR_S, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  });
}
