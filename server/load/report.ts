import os from 'node:os';
import pg from 'pg';
import { formatMs, type LatencyRecorder } from './latency.js';
import type { ScenarioResult } from './scenario.js';

/** The machine line every figure is printed under (docs quote it). */
export async function machineLine(databaseUrl: string | undefined): Promise<string> {
  let postgres = 'no DATABASE_URL';
  if (databaseUrl !== undefined) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    await client.end();
    postgres = `PostgreSQL ${rows[0]?.server_version ?? '?'}`;
  }
  const gib = (os.totalmem() / 2 ** 30).toFixed(0);
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${os.cpus().length} cores, ${gib} GiB, Node ${process.versions.node}, ${postgres}, ${new Date().toISOString()}, load average ${load}`;
}

/** Prints one run's figures; returns whether it met the correctness bar (no errors, converged). */
/** Latency outside the measured window (warm-up, settle), on one line; nothing when empty. */
function printApart(label: string, recorder: LatencyRecorder): void {
  const s = recorder.summary();
  if (s.count === 0) return;
  console.log(
    `  ${label} (not in the figures above): ${s.count} requests, p50 ${formatMs(s.p50)}, p99 ${formatMs(s.p99)}, max ${formatMs(s.max)} ms`,
  );
}

export function printResult(label: string, result: ScenarioResult, thinkMs: number): boolean {
  const rate = (result.requests / result.seconds).toFixed(0);
  console.log(
    `${label}: ${result.devices} devices on ${result.accounts} accounts, ${result.seconds} s, sync every ~${thinkMs} ms per device`,
  );
  console.log(
    `  requests ${result.requests} (${rate}/s), acknowledged mutations ${result.acked}, settled in ${result.settleS.toFixed(1)} s`,
  );
  if (Number.isFinite(result.serverCpuMs)) {
    const perRequest = result.serverCpuMs / Math.max(1, result.requests);
    console.log(
      `  server CPU ${(result.serverCpuMs / 1000).toFixed(1)} s in ${result.seconds} s = ${perRequest.toFixed(2)} ms per request (the Node process; PostgreSQL not included)`,
    );
  }
  console.log('  latency (ms)      count      p50      p99      max');
  for (const op of [undefined, ...result.latency.operations()]) {
    const s = result.latency.summary(op);
    console.log(
      `  ${(op ?? 'all').padEnd(12)} ${String(s.count).padStart(10)} ${formatMs(s.p50).padStart(8)} ${formatMs(s.p99).padStart(8)} ${formatMs(s.max).padStart(8)}`,
    );
  }
  printApart('warm-up before the run', result.warmup);
  printApart('settle after the run, every device at once', result.settle);
  const perSecond = result.latency.perSecond();
  console.log(
    `  p99 per second of the run (ms): ${perSecond.map((s) => Math.round(s.p99)).join(' ')}`,
  );
  const loop = result.clientLoopDelayMs;
  console.log(
    `  load generator: event-loop delay p99 ${formatMs(loop.p99)} ms, max ${formatMs(loop.max)} ms; CPU ${(result.clientCpuMs / Math.max(1, result.requests)).toFixed(2)} ms per request`,
  );
  const kinds = [...result.errors.byKind].map(([kind, n]) => `${kind} ×${n}`).join(', ');
  console.log(`  errors ${result.errors.total}${kinds === '' ? '' : ` (${kinds})`}`);
  const converged = result.mismatches.length === 0;
  console.log(
    converged
      ? '  converged: every account equals its acknowledged mutations, on every instance and device'
      : `  NOT converged: ${result.mismatches.length} mismatches, e.g. ${result.mismatches.slice(0, 5).join('; ')}`,
  );
  const p99 = result.latency.summary().p99;
  console.log(`  target p99 < 100 ms: ${p99 < 100 ? 'met' : 'missed'} (${formatMs(p99)} ms)`);
  return converged;
}
