import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/** The repository root, so scripts and tests work from any working directory. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed (stdout and stderr), for failure reports. */
  output(): string;
  /** Resolves with the exit code, or the signal name, once the process is gone. */
  exited: Promise<number | string>;
  /** SIGTERM (graceful close) and wait for the exit. */
  stop(): Promise<void>;
  /** CPU time (user + system) the process has used so far, in ms; NaN without /proc. */
  cpuMs(): number;
}

/** utime + stime from /proc/<pid>/stat (clock ticks of 10 ms on Linux). */
function processCpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

export interface ServerEnv {
  /** PostgreSQL; PGlite in `dataDir` otherwise. */
  databaseUrl?: string | undefined;
  schema?: string | undefined;
  dataDir?: string | undefined;
  testHooks?: boolean;
  port?: number;
}

/**
 * Starts `server/src/main.ts` as its own process, as production does: `node --import tsx`, so
 * the pid is the server itself (a SIGKILL hits the server, not a wrapper). Resolves once it
 * printed its listening line.
 */
export async function startServer(env: ServerEnv): Promise<ServerProcess> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(env.port ?? 0),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'error',
    STATIC_DIR: '/nonexistent',
    // Hundreds of simulated devices sign up from one loopback address.
    AUTH_RATE_LIMIT_IP: '1000000',
    AUTH_RATE_LIMIT_EMAIL: '1000000',
    DIALIN_TEST_HOOKS: env.testHooks ? '1' : '',
    DATABASE_URL: env.databaseUrl ?? '',
    DATABASE_SCHEMA: env.schema ?? '',
    DATA_DIR: env.dataDir ?? 'memory://',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code ?? -1)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += String(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      out += String(chunk);
    });
    void exited.then((how) =>
      reject(new Error(`server exited (${how}) before listening:\n${out}`)),
    );
  });
  return {
    url,
    child,
    output: () => out,
    exited,
    cpuMs: () => processCpuMs(child.pid),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A fresh schema name, so runs share one PostgreSQL without colliding. */
export function freshSchema(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}
