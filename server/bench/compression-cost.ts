/**
 * What compressing a pull page costs the server: one real page of 1,000 rows (pushed and
 * pulled through the routes, on in-memory PGlite), compressed at each candidate level of
 * brotli and gzip with node:zlib's streams, as @fastify/compress does. Prints the median and
 * p95 time per page and the size on the wire; asserts nothing.
 *
 *   npm run bench:compression                     # a page of 1,000 rows, 40 rounds per level
 *   BENCH_ROWS=200 BENCH_ROUNDS=3 npm run bench:compression
 */

import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { Hlc } from '../../shared/hlc.js';
import { ROUTES } from '../../shared/protocol/routes.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import { buildApp } from '../src/app.js';
import { DEFAULT_AUTH_RATE_LIMIT } from '../src/config.js';
import { createDatabase } from '../src/db/create-database.js';
import { migrateToLatest } from '../src/db/migrate-to-latest.js';
import { batches, creations } from './workload.js';

const ROWS = Math.max(10, Number(process.env.BENCH_ROWS ?? 1000));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 40));

const CANDIDATES: { name: string; make: () => NodeJS.ReadWriteStream }[] = [
  ...[1, 4, 5, 6].map((quality) => ({
    name: `br ${quality}`,
    make: () => createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: quality } }),
  })),
  ...[1, 4, 6].map((level) => ({ name: `gzip ${level}`, make: () => createGzip({ level }) })),
];

async function pullPageBytes(): Promise<Buffer> {
  const handle = await createDatabase({ url: undefined, dataDir: 'memory://' });
  try {
    await migrateToLatest(handle.db, handle.schema);
    const app = await buildApp({
      db: handle.db,
      authRateLimit: { ...DEFAULT_AUTH_RATE_LIMIT, ipMax: 1e6, emailMax: 1e6, pairMax: 1e6 },
    });
    await app.ready();
    const signUp = await app.inject({
      method: 'POST',
      url: ROUTES.auth.signup.path,
      payload: { email: `bench-${randomUUID()}@example.com`, password: 'bench password' },
    });
    const cookie = String(signUp.headers['set-cookie']).split(';')[0] as string;
    const accountId = (signUp.json() as { account: { id: string } }).account.id;
    for (const mutations of batches(creations(new Hlc('bench'), ROWS), 500)) {
      const push = await app.inject({
        method: 'POST',
        url: ROUTES.sync.push.path,
        headers: { cookie },
        payload: { accountId, deviceId: 'bench', schemaVersion: PROTOCOL_VERSION, mutations },
      });
      if (push.statusCode !== 200) throw new Error(`push: ${push.statusCode} ${push.body}`);
    }
    const pull = await app.inject({
      method: 'GET',
      url: `${ROUTES.sync.pull.path}?limit=${ROWS}`,
      headers: { cookie },
    });
    if (pull.statusCode !== 200) throw new Error(`pull: ${pull.statusCode} ${pull.body}`);
    await app.close();
    return pull.rawPayload;
  } finally {
    await handle.close();
  }
}

/**
 * One compression of `bytes` through a stream: its CPU time in ms (the whole process, so the
 * thread pool where zlib runs is counted; a shared machine's waits are not), its wall time and
 * its output size.
 */
async function compressOnce(
  make: () => NodeJS.ReadWriteStream,
  bytes: Buffer,
): Promise<{ cpuMs: number; ms: number; size: number }> {
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done();
    },
  });
  const cpu = process.cpuUsage();
  const start = performance.now();
  await pipeline(Readable.from([bytes]), make(), sink);
  const used = process.cpuUsage(cpu);
  return { cpuMs: (used.user + used.system) / 1000, ms: performance.now() - start, size };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

const page = await pullPageBytes();
console.log(
  `pull page of ${ROWS} rows: ${(page.length / 1024).toFixed(1)} KiB of JSON; ` +
    `${ROUNDS} rounds per level; load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
);
for (const candidate of CANDIDATES) {
  for (let i = 0; i < 3; i++) await compressOnce(candidate.make, page);
  const cpu: number[] = [];
  const wall: number[] = [];
  let size = 0;
  for (let i = 0; i < ROUNDS; i++) {
    const once = await compressOnce(candidate.make, page);
    cpu.push(once.cpuMs);
    wall.push(once.ms);
    size = once.size;
  }
  cpu.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  console.log(
    `${candidate.name.padEnd(7)} CPU median ${quantile(cpu, 0.5).toFixed(1)} ms, ` +
      `p95 ${quantile(cpu, 0.95).toFixed(1)} ms; wall median ${quantile(wall, 0.5).toFixed(1)} ms; ` +
      `${(size / 1024).toFixed(1)} KiB ` +
      `(${((100 * size) / page.length).toFixed(1)} %)`,
  );
}
