import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import {
  type ServerProcess,
  startServer as startServerProcess,
} from '../../test-support/server-process.js';
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

export interface RunningServer extends ServerProcess {
  logFile: string;
}

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
  const { args } = nodeScriptArgv('serve');
  const entry = path.join(cwd, args[0] ?? '');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);

  const databaseUrl = process.env.DATABASE_URL || undefined;
  const schema = databaseUrl === undefined ? undefined : (options.schema ?? uniqueSchema());
  const logDir = options.logDir ?? path.join(repoRoot, 'test-results');
  const logFile = path.join(logDir, `server-${schema ?? uniqueSchema('pglite')}.log`);
  const server = await startServerProcess({
    args,
    cwd,
    databaseUrl,
    schema,
    dropSchema: true,
    dataDir: options.dataDir,
    testHooks: options.testHooks !== false,
    logFile,
    env: {
      STATIC_DIR: path.join(cwd, 'dist/client'),
      // Every e2e request comes from 127.0.0.1: the per-IP login limit would count all tests
      // of a worker as one client. The per-email limit stays as shipped.
      AUTH_RATE_LIMIT_IP: '100000',
      ...options.env,
    },
  });
  return { ...server, logFile };
}
