import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchema, freshSchema } from '../../test-support/server-process.js';
import { intOption, stringOption } from './options.js';
import { machineLine, printResult } from './report.js';
import { runScenario } from './scenario.js';
import { withServers } from './server-process.js';

/**
 * `npm run load`: simulated devices push and pull against real server processes on loopback —
 * on PostgreSQL (DATABASE_URL), on PGlite, and with two instances sharing one PostgreSQL.
 * Sizes: --devices/LOAD_DEVICES (200), --seconds/LOAD_SECONDS (60), --think/LOAD_THINK_MS
 * (1000), --warmup/LOAD_WARMUP_S (0: unmeasured seconds of the same traffic before the 60),
 * --db/LOAD_DB (all | postgres | pglite | two-instances). Exits 1 on any error or
 * divergence; latency is printed, never asserted.
 */
const devices = intOption('devices', 'LOAD_DEVICES', 200);
const seconds = intOption('seconds', 'LOAD_SECONDS', 60);
const thinkMs = intOption('think', 'LOAD_THINK_MS', 1000);
const warmupS = intOption('warmup', 'LOAD_WARMUP_S', 0);
const which = stringOption('db', 'LOAD_DB', 'all');
const databaseUrl = process.env.DATABASE_URL || undefined;
const log = (line: string) => console.log(line);

async function onPostgres(instances: number): Promise<boolean> {
  if (databaseUrl === undefined) {
    console.log(`postgres (${instances} instance(s)): skipped, DATABASE_URL is not set`);
    return true;
  }
  const schema = freshSchema('load');
  try {
    return await withServers(instances, { databaseUrl, schema }, async (servers) => {
      const label =
        instances === 1
          ? 'PostgreSQL, 1 instance'
          : `PostgreSQL, ${instances} instances (devices alternate)`;
      const result = await runScenario({
        urls: servers.map((s) => s.url),
        devices,
        seconds,
        warmupS,
        thinkMs,
        log,
        serverCpuMs: () => servers.reduce((sum, s) => sum + s.cpuMs(), 0),
      });
      return printResult(label, result, thinkMs) && result.errors.total === 0;
    });
  } finally {
    await dropSchema(databaseUrl, schema);
  }
}

async function onPglite(): Promise<boolean> {
  const dataDir = await mkdtemp(join(tmpdir(), 'dialin-load-'));
  try {
    return await withServers(1, { dataDir }, async ([server]) => {
      const result = await runScenario({
        urls: [server?.url ?? ''],
        devices,
        seconds,
        warmupS,
        thinkMs,
        log,
        serverCpuMs: () => server?.cpuMs() ?? Number.NaN,
      });
      return (
        printResult('PGlite (embedded, file data directory)', result, thinkMs) &&
        result.errors.total === 0
      );
    });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

console.log(`load: ${await machineLine(databaseUrl)}`);
let ok = true;
if (which === 'all' || which === 'postgres') ok = (await onPostgres(1)) && ok;
if (which === 'all' || which === 'pglite') ok = (await onPglite()) && ok;
if (which === 'all' || which === 'two-instances') ok = (await onPostgres(2)) && ok;
process.exit(ok ? 0 : 1);
