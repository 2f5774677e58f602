import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The real server as a child process (client code never imports server code): in-memory
 * PGlite, or — when DATABASE_URL is set — PostgreSQL in a schema of its own, dropped at stop.
 */
export interface TestServer {
  url: string;
  /** POST a JSON body to a test hook, e.g. ROUTES.test.failNextPush.path. */
  hook(path: string, body?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The checkout whose server/src/main.ts runs. CLIENT_TEST_SERVER_ROOT points elsewhere (e.g.
 * an export of the last commit) when the working tree's server is mid-edit.
 */
const repoRoot =
  process.env.CLIENT_TEST_SERVER_ROOT || fileURLToPath(new URL('../../', import.meta.url));
const LISTENING = /listening on (http:\/\/\S+)/;

export async function startServer(): Promise<TestServer> {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const schema = databaseUrl === undefined ? undefined : `client_${randomBytes(6).toString('hex')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DIALIN_TEST_HOOKS: '1',
    LOG_LEVEL: 'warn',
    // Every simulated device logs in from 127.0.0.1.
    AUTH_RATE_LIMIT_IP: '100000',
    AUTH_RATE_LIMIT_EMAIL: '100000',
    ...(schema === undefined ? { DATA_DIR: 'memory://' } : { DATABASE_SCHEMA: schema }),
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${stderr}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = LISTENING.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${stderr}`));
    });
  });
  return {
    url,
    async hook(path, body = {}) {
      const response = await fetch(new URL(path, url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    async stop() {
      await stopChild(child);
      if (databaseUrl !== undefined && schema !== undefined) {
        const client = new pg.Client({ connectionString: databaseUrl });
        await client.connect();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      }
    },
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
