import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Levels chosen from `npm run bench:compression` (a pull page of 1,000 rows, ~540 KiB of
 * JSON): brotli 4 takes ~4 ms of CPU for ~10 % of the bytes, gzip 4 about as much for ~12 %.
 * Higher levels gain 1–2 points of size for two to three times the CPU, on a 2-core server
 * whose 200-device load must keep p99 < 25 ms.
 */
const BROTLI_QUALITY = 4;
const GZIP_LEVEL = 4;

/** Smaller answers (most errors, an empty pull, a push ack) gain less than a packet. */
const THRESHOLD_BYTES = 1024;

/**
 * Compresses JSON answers above the threshold for a client that accepts br or gzip (fetch in
 * the page and in the service worker decodes them transparently). Static files are not
 * compressed here: the build precompresses them and @fastify/static sends its `.br`/`.gz`
 * siblings, with a Content-Encoding this plugin leaves alone. Registered before the routes,
 * as it hooks each route when it is added.
 */
export async function registerApiCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: THRESHOLD_BYTES,
    customTypes: /^application\/json(?:;|$)/,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
    zlibOptions: { level: GZIP_LEVEL },
  });
}
