import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isApiPath } from '../../../shared/protocol/routes.js';

/** Files the browser must revalidate on every load, or an old app shell/worker sticks. */
const REVALIDATE = new Set(['index.html', 'sw.js', 'manifest.webmanifest', 'manifest.json']);
const ONE_YEAR_S = 365 * 24 * 60 * 60;

function cacheControlFor(filePath: string): string {
  if (REVALIDATE.has(basename(filePath))) return 'no-cache';
  // Vite puts content-hashed files in assets/: a changed file gets a new name.
  if (filePath.includes(`${join('/', 'assets', '/')}`)) {
    return `public, max-age=${ONE_YEAR_S}, immutable`;
  }
  return 'public, max-age=3600';
}

/**
 * Serves the built client from `root` if it exists (the API runs without it). Returns the SPA
 * fallback for the not-found handler, or null when there is no client to serve.
 */
export async function registerStaticFiles(
  app: FastifyInstance,
  root: string,
): Promise<((request: FastifyRequest, reply: FastifyReply) => FastifyReply) | null> {
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn({ root }, 'no built client found; serving the API only');
    return null;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // Our own Cache-Control per file kind; @fastify/static 9 hands setHeaders the raw response.
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', cacheControlFor(filePath));
    },
  });
  return (_request, reply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', root, { cacheControl: false });
}

/**
 * A GET for a client route (/brews/123) that is not a file gets index.html: the app routes
 * it. Not for API paths (those are JSON 404s) and not for /assets/* (a missing hashed file must
 * 404, or the browser would parse HTML as a script).
 */
export function wantsAppShell(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  return !isApiPath(path) && !path.startsWith('/assets/');
}
