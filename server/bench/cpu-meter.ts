import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../src/db/database.js';

/**
 * Wall time and CPU time of one benchmark phase. On a shared 2-core machine the wall clock
 * mostly measures the neighbours; CPU seconds spent by this process and by its PostgreSQL
 * backends say what the work itself costs, so the report prints both.
 */
export interface Measured {
  wallS: number;
  /** This Node process (PGlite runs inside it). */
  nodeCpuS: number;
  /** The PostgreSQL backends serving our pool; null when they cannot be read (not local). */
  dbCpuS: number | null;
}

const TICKS_PER_S = 100;

/** utime + stime of a process, in seconds; null when /proc does not show it. */
function processCpu(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return null;
  }
}

/**
 * The backend pids of every pooled connection: holding them all at once makes the pool open
 * each one (pg.Pool max is 10). Idle connections close after a while, so call it per phase.
 */
async function backendPids(db: Kysely<Database>, poolSize: number): Promise<number[]> {
  const probes = Array.from({ length: poolSize }, () =>
    sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.02)`.execute(db),
  );
  const results = await Promise.all(probes);
  return [...new Set(results.map((result) => Number(result.rows[0]?.pid)))];
}

export async function measure(
  db: Kysely<Database>,
  kind: 'pglite' | 'postgres',
  run: () => Promise<void>,
): Promise<Measured> {
  const pids = kind === 'postgres' ? await backendPids(db, 10) : [];
  // A backend that exits during the phase (an idle pooled connection timing out) reads as
  // null at the end; it did no work for us after its last query, so its CPU is left out.
  const readAll = () => new Map(pids.map((pid) => [pid, processCpu(pid)]));
  const before = readAll();
  const dbCpu = (after: Map<number, number | null>) => {
    let total = 0;
    let seen = 0;
    for (const [pid, start] of before) {
      const end = after.get(pid);
      if (start === null || end === null || end === undefined) continue;
      total += end - start;
      seen += 1;
    }
    return seen === 0 ? null : total;
  };
  const nodeBefore = process.cpuUsage();
  const start = performance.now();
  await run();
  const wallS = (performance.now() - start) / 1000;
  const node = process.cpuUsage(nodeBefore);
  return {
    wallS,
    nodeCpuS: (node.user + node.system) / 1e6,
    dbCpuS: kind === 'pglite' ? 0 : dbCpu(readAll()),
  };
}

/** Per second of wall clock, and per second of CPU (this process + its database backends). */
export function rates(count: number, m: Measured): { wall: number; cpu: number | null } {
  return { wall: count / m.wallS, cpu: m.dbCpuS === null ? null : count / (m.nodeCpuS + m.dbCpuS) };
}
