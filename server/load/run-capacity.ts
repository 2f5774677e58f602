import { dropSchema, freshSchema } from '../../test-support/server-process.js';
import { formatMs } from './latency.js';
import { intOption, stringOption } from './options.js';
import { machineLine } from './report.js';
import { runScenario, type ScenarioResult } from './scenario.js';
import { withServers } from './server-process.js';

/**
 * `npm run load:capacity` — issue 16 §4: how many devices one 2-core server carries. Runs
 * `npm run load`'s scenario on PostgreSQL (DATABASE_URL) at a growing device count, each step
 * on the same servers, until the p99 of a step passes --limit (100 ms), a request fails or
 * --max devices is reached; then again on two instances sharing the database.
 *
 * Options (as `npm run load`): --start/CAPACITY_START (200) devices first, each next step
 * ×--growth/CAPACITY_GROWTH_PCT (150 %) rounded to 50; --max/CAPACITY_MAX (3200);
 * --seconds/LOAD_SECONDS (20) measured per step after --warmup/LOAD_WARMUP_S (5);
 * --think/LOAD_THINK_MS (1000); --instances/CAPACITY_INSTANCES ("1,2").
 *
 * The load generator runs on the same two cores as the servers and PostgreSQL, so what it
 * finds is a lower bound for a server of its own; its event-loop delay is printed per step.
 * Prints figures; exits 1 only when a step did not converge or no server could start.
 */
const start = intOption('start', 'CAPACITY_START', 200);
const growthPct = intOption('growth', 'CAPACITY_GROWTH_PCT', 150);
const max = intOption('max', 'CAPACITY_MAX', 3200);
const limitMs = intOption('limit', 'CAPACITY_LIMIT_MS', 100);
const seconds = intOption('seconds', 'LOAD_SECONDS', 20);
const warmupS = intOption('warmup', 'LOAD_WARMUP_S', 5);
const thinkMs = intOption('think', 'LOAD_THINK_MS', 1000);
const instanceCounts = stringOption('instances', 'CAPACITY_INSTANCES', '1,2')
  .split(',')
  .map((s) => Number(s.trim()));
if (instanceCounts.some((n) => !Number.isInteger(n) || n < 1)) {
  throw new Error('--instances must be positive integers separated by commas, e.g. 1,2');
}
if (start < 1 || growthPct <= 100) throw new Error('--start must be ≥ 1 and --growth > 100');
const databaseUrl = process.env.DATABASE_URL || undefined;
if (databaseUrl === undefined) {
  console.log('load:capacity needs PostgreSQL: set DATABASE_URL');
  process.exit(1);
}

/** The device counts to try: start, then each ×growth rounded to 50 (to 1 below 50). */
function steps(): number[] {
  const counts: number[] = [];
  for (let n = start; n <= max; ) {
    counts.push(n);
    const next = (n * growthPct) / 100;
    n = next < 50 ? Math.max(n + 1, Math.round(next)) : Math.round(next / 50) * 50;
  }
  return counts;
}

interface Step {
  devices: number;
  result: ScenarioResult;
}

function stepLine({ devices, result }: Step): string {
  const s = result.latency.summary();
  const rate = (result.requests / result.seconds).toFixed(0);
  const cpu = result.serverCpuMs / Math.max(1, result.requests);
  return `  ${String(devices).padStart(6)} ${rate.padStart(8)} ${formatMs(s.p50).padStart(8)} ${formatMs(s.p99).padStart(8)} ${formatMs(s.max).padStart(8)} ${String(result.errors.total).padStart(7)} ${cpu.toFixed(2).padStart(10)} ${formatMs(result.clientLoopDelayMs.p99).padStart(10)}`;
}

async function capacity(url: string, instances: number): Promise<boolean> {
  const schema = freshSchema('capacity');
  try {
    return await withServers(instances, { databaseUrl: url, schema }, async (servers) => {
      console.log(
        `\nPostgreSQL, ${instances} instance(s): ${seconds} s per step after ${warmupS} s of warm-up, sync every ~${thinkMs} ms per device`,
      );
      console.log(
        '  devices    req/s      p50      p99      max  errors  CPU ms/req  gen. loop p99',
      );
      let carried: Step | undefined;
      let converged = true;
      const counts = steps();
      for (const devices of counts) {
        const result = await runScenario({
          urls: servers.map((s) => s.url),
          devices,
          seconds,
          warmupS,
          thinkMs,
          serverCpuMs: () => servers.reduce((sum, s) => sum + s.cpuMs(), 0),
        });
        const step = { devices, result };
        console.log(stepLine(step));
        converged = converged && result.mismatches.length === 0;
        const p99 = result.latency.summary().p99;
        if (p99 >= limitMs || result.errors.total > 0 || result.mismatches.length > 0) {
          const why =
            result.mismatches.length > 0
              ? `${result.mismatches.length} mismatches`
              : result.errors.total > 0
                ? `${result.errors.total} errors`
                : `p99 ${formatMs(p99)} ms ≥ ${limitMs} ms`;
          console.log(`  stopped at ${devices} devices: ${why}`);
          break;
        }
        carried = step;
      }
      console.log(
        carried === undefined
          ? `  ${instances} instance(s) carry fewer than ${start} devices at p99 < ${limitMs} ms`
          : `  ${instances} instance(s) carry ${carried.devices} devices at p99 < ${limitMs} ms (the largest step below it${carried.devices === counts.at(-1) ? `; --max ${max} reached` : ''})`,
      );
      return converged;
    });
  } finally {
    await dropSchema(url, schema);
  }
}

console.log(`load:capacity: ${await machineLine(databaseUrl)}`);
let ok = true;
for (const instances of instanceCounts) ok = (await capacity(databaseUrl, instances)) && ok;
process.exit(ok ? 0 : 1);
