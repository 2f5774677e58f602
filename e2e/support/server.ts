import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { nodeScriptArgv, repoRoot } from './package-scripts.js';

export interface ServerOptions {
  /** Enables /api/test/* (DIALIN_TEST_HOOKS=1). Default true. */
  testHooks?: boolean;
  /** PostgreSQL (DATABASE_URL set): use this schema instead of a new one; dropped at stop. */
  schema?: string;
  /** PGlite (no DATABASE_URL): this data directory instead of memory://. */
  dataDir?: string;
  /** Where the built app is (its dist/). Default the repository root. */
  cwd?: string;
  /** Where the process's stdout and stderr go, as server-<schema or id>.log. Default test-results. */
  logDir?: string;
  /** Extra environment, applied last. */
  env?: Record<string, string>;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:41234 — no trailing slash. */
  url: string;
  /** The PostgreSQL schema this server owns, or null on in-memory PGlite. */
  schema: string | null;
  logFile: string;
  /** SIGTERM, wait for exit (SIGKILL after 10 s), then drop the schema. */
  stop(): Promise<void>;
}

const LISTENING = /listening on (http:\/\/\S+)/;
const STARTUP_TIMEOUT_MS = 60_000;

/** Lower-case, unique per process and call: tests share one PostgreSQL server. */
export function uniqueSchema(prefix = 'e2e'): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/**
 * Starts the built server exactly as `npm run serve` does (same file, same Node), on a random
 * port, with its own database: a fresh PostgreSQL schema when DATABASE_URL is set (CI), else
 * in-memory PGlite.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const cwd = options.cwd ?? repoRoot;
  const { command, args } = nodeScriptArgv('serve');
  const entry = path.join(cwd, args[0] ?? '');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);

  const schema = process.env.DATABASE_URL ? (options.schema ?? uniqueSchema()) : null;
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    STATIC_DIR: path.join(cwd, 'dist/client'),
    DIALIN_TEST_HOOKS: options.testHooks === false ? undefined : '1',
    // Every e2e request comes from 127.0.0.1: the per-IP login limit would count all tests
    // of a worker as one client. The per-email limit stays as shipped.
    AUTH_RATE_LIMIT_IP: '100000',
    ...(schema
      ? { DATABASE_SCHEMA: schema, DATA_DIR: undefined }
      : { DATA_DIR: options.dataDir ?? 'memory://', DATABASE_SCHEMA: undefined }),
    ...options.env,
  };

  const logDir = options.logDir ?? path.join(repoRoot, 'test-results');
  const logFile = path.join(logDir, `server-${schema ?? uniqueSchema('pglite')}.log`);
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });

  let url: string;
  try {
    url = await waitForListening(child, logFile);
  } catch (error) {
    await stopChild(child);
    log.end();
    if (schema) await dropSchema(schema);
    throw error;
  }

  return {
    url,
    schema,
    logFile,
    async stop() {
      await stopChild(child);
      log.end();
      if (schema) await dropSchema(schema);
    },
  };
}

function waitForListening(child: ChildProcess, logFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const tail: string[] = [];
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`server ${why} (log: ${logFile})\n${tail.join('\n')}`));
    };
    const timer = setTimeout(
      () => fail(`did not listen within ${STARTUP_TIMEOUT_MS} ms`),
      STARTUP_TIMEOUT_MS,
    );
    const keep = (line: string) => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
    };
    if (child.stderr) createInterface({ input: child.stderr }).on('line', keep);
    if (child.stdout) {
      createInterface({ input: child.stdout }).on('line', (line) => {
        keep(line);
        const match = LISTENING.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1].replace(/\/$/, ''));
        }
      });
    }
    child.once('error', (error) => fail(`failed to spawn: ${error.message}`));
    child.once('exit', (code, signal) =>
      fail(`exited before listening (code ${code}, signal ${signal})`),
    );
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Leaves the shared PostgreSQL as it was found; runs after the server has closed its pool. */
async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
