import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isApiPath } from '../../../shared/protocol/routes.js';
import { inlineScriptSources } from './inline-scripts.js';

/** Files the browser must revalidate on every load, or an old app shell/worker sticks. */
const REVALIDATE = new Set(['index.html', 'sw.js', 'manifest.webmanifest', 'manifest.json']);
const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** The build writes `file.br` and `file.gz` beside each text file (scripts/vite-precompress.ts). */
const PRECOMPRESSED = /\.(?:br|gz)$/;

function cacheControlFor(filePath: string): string {
  if (REVALIDATE.has(basename(filePath))) return 'no-cache';
  // Vite puts content-hashed files in assets/: a changed file gets a new name.
  if (filePath.includes(`${join('/', 'assets', '/')}`)) {
    return `public, max-age=${ONE_YEAR_S}, immutable`;
  }
  return 'public, max-age=3600';
}

function hasEncodedSibling(filePath: string): boolean {
  return existsSync(`${filePath}.br`) || existsSync(`${filePath}.gz`);
}

/**
 * The CSP sources of the app shell's inline scripts; none without a built client. Read once at
 * start: a build written under a running server gets its new hash at the next start (until
 * then its theme script is refused and main.tsx applies the theme, a frame later).
 */
export function appShellScriptSources(root: string | null | undefined): string[] {
  if (root == null) return [];
  const file = join(root, 'index.html');
  return existsSync(file) ? inlineScriptSources(readFileSync(file, 'utf8')) : [];
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
    // A browser that accepts br or gzip gets the build's `.br`/`.gz` sibling with that
    // Content-Encoding; any other gets the file itself.
    preCompressed: true,
    // Our own Cache-Control per file kind; @fastify/static 9 hands setHeaders the raw response
    // and the path of the file it sends, a sibling's when it sends one.
    cacheControl: false,
    setHeaders: (res, sentPath) => {
      const filePath = sentPath.replace(PRECOMPRESSED, '');
      res.setHeader('cache-control', cacheControlFor(filePath));
      // Caches must keep the encodings apart, the identity answer included: it stands for a
      // file that has encoded siblings. Checked per request, as a deploy may add files.
      if (filePath !== sentPath || hasEncodedSibling(filePath)) {
        res.setHeader('vary', 'accept-encoding');
      }
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
