import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The real server as a child process of a test, a benchmark or the load generator (client and
 * e2e code never import server code). One PostgreSQL schema, or one PGlite, per process.
 */

/** The repository root, so every caller works from any working directory. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** The server from source, as `node` runs it: the pid is the server itself, not a wrapper. */
export const SOURCE_ARGS: readonly string[] = ['--import', 'tsx', 'server/src/main.ts'];

export interface ServerOptions {
  /** Node's arguments, relative to `cwd`. Default SOURCE_ARGS. */
  args?: readonly string[];
  /** The checkout (or deployed copy) the server runs in. Default ROOT. */
  cwd?: string;
  /** PostgreSQL to use; without one, PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** The schema on `databaseUrl` (see freshSchema). Default the server's own. */
  schema?: string | undefined;
  /** Drops `schema` when the server has stopped: the caller made it for this server alone. */
  dropSchema?: boolean;
  /** PGlite's data directory. Default memory://. */
  dataDir?: string | undefined;
  /** Enables /api/test/* (DIALIN_TEST_HOOKS=1). Default false. */
  testHooks?: boolean;
  /** Default 0: any free port. */
  port?: number;
  /** Extra environment, applied last; an undefined value removes the variable. */
  env?: Record<string, string | undefined>;
  /** Also writes everything the process prints to this file. */
  logFile?: string;
}

export interface ServerProcess {
  /** e.g. http://127.0.0.1:41234, no trailing slash. */
  url: string;
  child: ChildProcess;
  /** The PostgreSQL schema it was given, or null (PGlite, or the server's default schema). */
  schema: string | null;
  /** The last OUTPUT_TAIL characters it printed (stdout and stderr), for failure reports. */
  output(): string;
  /** Resolves with the exit code, or the signal name, once the process is gone. */
  exited: Promise<number | string>;
  /** SIGTERM (graceful close), SIGKILL after 10 s, wait for the exit, then drop an own schema. */
  stop(): Promise<void>;
  /** CPU time (user + system) the process has used so far, in ms; NaN without /proc. */
  cpuMs(): number;
  /** POSTs a JSON body to a test hook (e.g. ROUTES.test.failNextPush.path) and returns its JSON. */
  hook(path: string, body?: unknown): Promise<unknown>;
}

const LISTENING = /listening on (http:\/\/\S+)/;
// Generous: start-up runs migrations, on 2 cores shared with browsers and other servers.
const STARTUP_TIMEOUT_MS = 120_000;
const OUTPUT_TAIL = 64 * 1024;

/** A fresh schema name, so runs share one PostgreSQL without colliding. */
export function freshSchema(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
}

/** Leaves the shared PostgreSQL as it was found; call after the servers closed their pools. */
export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

function childEnv(options: ServerOptions, schema: string | null): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(options.port ?? 0),
    HOST: '127.0.0.1',
    DIALIN_TEST_HOOKS: options.testHooks ? '1' : '',
    DATABASE_URL: options.databaseUrl ?? '',
    DATABASE_SCHEMA: schema ?? '',
    DATA_DIR: options.dataDir ?? 'memory://',
  };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Starts the server and resolves once it printed its listening line. */
export async function startServer(options: ServerOptions = {}): Promise<ServerProcess> {
  const databaseUrl = options.databaseUrl || undefined;
  const schema = databaseUrl === undefined ? null : (options.schema ?? null);
  const child = spawn(process.execPath, [...(options.args ?? SOURCE_ARGS)], {
    cwd: options.cwd ?? ROOT,
    env: childEnv(options, schema),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (chunk: Buffer) => {
    out = (out + String(chunk)).slice(-OUTPUT_TAIL);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  if (options.logFile !== undefined) {
    mkdirSync(path.dirname(options.logFile), { recursive: true });
    const log = createWriteStream(options.logFile);
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    child.once('exit', () => log.end());
  }
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code ?? -1)),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    if (options.dropSchema && databaseUrl !== undefined && schema !== null) {
      await dropSchema(databaseUrl, schema);
    }
  };
  let url: string;
  try {
    url = await listeningUrl(child, exited, () => out, options.logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url,
    child,
    schema,
    output: () => out,
    exited,
    stop,
    cpuMs: () => processCpuMs(child.pid),
    hook: (hookPath, body = {}) => postHook(url, hookPath, body),
  };
}

function listeningUrl(
  child: ChildProcess,
  exited: Promise<number | string>,
  output: () => string,
  logFile: string | undefined,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const where = logFile === undefined ? '' : ` (log: ${logFile})`;
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`server ${why}${where}:\n${output().slice(-4000)}`));
    };
    const timer = setTimeout(
      () => fail(`did not listen within ${STARTUP_TIMEOUT_MS} ms`),
      STARTUP_TIMEOUT_MS,
    );
    child.stdout?.on('data', () => {
      const match = LISTENING.exec(output());
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
    child.once('error', (error) => fail(`failed to spawn: ${error.message}`));
    void exited.then((how) => fail(`exited (${how}) before listening`));
  });
}

async function postHook(url: string, hookPath: string, body: unknown): Promise<unknown> {
  const response = await fetch(new URL(hookPath, url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${hookPath}: ${response.status} ${await response.text()}`);
  return response.json();
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
