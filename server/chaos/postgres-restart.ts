import { ROUTES } from '../../shared/protocol/routes.js';
import { HttpClient } from '../load/http-client.js';
import { printResult } from '../load/report.js';
import { runScenario } from '../load/scenario.js';
import { startServer } from '../load/server-process.js';
import { startPrivatePostgres } from './private-postgres.js';

export interface RestartOptions {
  devices: number;
  seconds: number;
  /** How long PostgreSQL stays down. */
  downS: number;
  thinkMs: number;
}

export interface RestartReport {
  /** /api/health answers while the database was down, by status. */
  healthWhileDown: Map<number | string, number>;
  /** From PostgreSQL accepting connections again to /api/health answering 200. */
  healthRecoveredMs: number | undefined;
  serverExit: number | string | null;
  converged: boolean;
  errors: number;
  /** `push 503`, `pull ECONNRESET`, …: what the devices were told while it was down. */
  errorKinds: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL restarted in the middle of the many-devices load: the server must stay up,
 * answer /api/health 503 while the database is gone, and the devices — replaying their
 * outboxes like real clients — must deliver everything and converge once it is back.
 */
export async function postgresRestartUnderLoad(options: RestartOptions): Promise<RestartReport> {
  const postgres = await startPrivatePostgres();
  const server = await startServer({ databaseUrl: postgres.url });
  const http = new HttpClient(4);
  const healthWhileDown = new Map<number | string, number>();
  let healthRecoveredMs: number | undefined;
  const downAt = Math.max(1, Math.floor(options.seconds / 3));
  let polling: Promise<void> | undefined;
  let upAt = 0;
  // Cast: the callbacks below change it, which TypeScript's narrowing cannot see.
  let phase = 'up' as 'up' | 'down' | 'starting' | 'recovering' | 'done';
  try {
    const pollHealth = async () => {
      while (phase === 'down' || phase === 'starting' || phase === 'recovering') {
        let status: number | string;
        try {
          status = (
            await http.request('GET', `${server.url}${ROUTES.health.path}`, { timeoutMs: 10_000 })
          ).status;
        } catch (error) {
          status = (error as NodeJS.ErrnoException).code ?? 'network';
        }
        if (phase === 'down') healthWhileDown.set(status, (healthWhileDown.get(status) ?? 0) + 1);
        if (phase === 'recovering' && status === 200) {
          healthRecoveredMs = Date.now() - upAt;
          phase = 'done';
        }
        await sleep(200);
      }
    };
    const result = await runScenario({
      urls: [server.url],
      devices: options.devices,
      seconds: options.seconds,
      thinkMs: options.thinkMs,
      log: (line) => console.log(line),
      serverCpuMs: () => server.cpuMs(),
      onSecond: async (s) => {
        if (s === downAt) {
          console.log(`  t=${s}s: stopping PostgreSQL for ${options.downS} s`);
          await postgres.stop();
          phase = 'down';
          polling = pollHealth();
        }
        if (s === downAt + options.downS) {
          // Answers while pg_ctl brings it up count neither as "down" nor as recovered.
          phase = 'starting';
          await postgres.start();
          upAt = Date.now();
          phase = 'recovering';
          console.log(`  t=${s}s: PostgreSQL is back`);
        }
      },
    });
    if (phase === 'down') {
      phase = 'starting';
      await postgres.start();
      upAt = Date.now();
      phase = 'recovering';
    }
    for (let i = 0; i < 100 && phase === 'recovering'; i += 1) await sleep(100);
    phase = 'done';
    await polling;
    const converged = printResult('PostgreSQL restarted under load', result, options.thinkMs);
    const down = [...healthWhileDown].map(([status, n]) => `${status} ×${n}`).join(', ');
    console.log(`  /api/health while PostgreSQL was down: ${down || 'not polled'}`);
    console.log(
      `  /api/health back to 200 ${healthRecoveredMs === undefined ? 'never' : `${healthRecoveredMs} ms`} after PostgreSQL accepted connections`,
    );
    const serverExit = server.child.exitCode ?? server.child.signalCode;
    console.log(
      `  server process: ${serverExit === null ? 'still running' : `EXITED (${serverExit})`}`,
    );
    return {
      healthWhileDown,
      healthRecoveredMs,
      serverExit,
      converged,
      errors: result.errors.total,
      errorKinds: [...result.errors.byKind.keys()],
    };
  } catch (error) {
    const exit = server.child.exitCode ?? server.child.signalCode;
    console.log(`  server process: ${exit === null ? 'still running' : `EXITED (${exit})`}`);
    console.log(`  server output (last 3,000 characters):\n${server.output().slice(-3000)}`);
    throw error;
  } finally {
    http.close();
    await server.stop();
    await postgres.destroy();
  }
}
