import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_MIGRATION } from '../src/db/migrate-to-latest.js';

// The way the e2e harness, client tests and the Dockerfile start the server: a real process.
const databaseUrl = process.env.DATABASE_URL || undefined;
const schema = `test_${randomUUID().replaceAll('-', '')}`;
let dataDir: string;

/** Env for a child: PostgreSQL in our own schema when DATABASE_URL is set, else PGlite in dataDir. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...extra };
  if (databaseUrl === undefined) env.DATA_DIR = dataDir;
  else env.DATABASE_SCHEMA = schema;
  return env;
}

/**
 * `npx tsx …` in its own process group: npx does not pass SIGTERM on to its children, so the
 * group is signalled (`process.kill(-pid)`), as harnesses must do to leave no server behind.
 */
function run(script: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn('npx', ['tsx', script], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function groupAlive(child: ChildProcess): boolean {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

function collect(child: ChildProcess): { out: () => string } {
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    out += String(chunk);
  });
  return { out: () => out };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dialin-data-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  if (databaseUrl !== undefined) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`drop schema if exists ${schema} cascade`);
    await client.end();
  }
});

describe('npm run migrate (server/src/migrate.ts)', () => {
  it('migrates the configured database, then reports it up to date', async () => {
    const first = run('server/src/migrate.ts', childEnv());
    const firstOut = collect(first);
    expect(await exitOf(first)).toBe(0);
    expect(firstOut.out()).toContain(`${LATEST_MIGRATION}`);

    const second = run('server/src/migrate.ts', childEnv());
    const secondOut = collect(second);
    expect(await exitOf(second)).toBe(0);
    expect(secondOut.out()).toMatch(/up to date/);
  });
});

describe('server process (server/src/main.ts)', () => {
  it('listens on PORT=0, prints its URL, answers health, and closes on SIGTERM', async () => {
    const child = run('server/src/main.ts', childEnv({ PORT: '0', HOST: '127.0.0.1' }));
    const output = collect(child);
    const exited = exitOf(child);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const onData = () => {
          const match = /listening on (http:\/\/\S+)/.exec(output.out());
          if (match?.[1]) resolve(match[1]);
        };
        child.stdout?.on('data', onData);
        exited.then((code) =>
          reject(new Error(`exited ${code} before listening:\n${output.out()}`)),
        );
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

      const response = await fetch(`${url}/api/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        database: true,
        migration: LATEST_MIGRATION,
      });

      if (databaseUrl === undefined) {
        // A second process on the same PGlite directory would corrupt it: it is refused.
        const second = run('server/src/migrate.ts', childEnv());
        const secondOut = collect(second);
        expect(await exitOf(second)).toBe(1);
        expect(secondOut.out()).toMatch(/in use by process \d+/);
        expect((await fetch(`${url}/api/health`)).status).toBe(200);
      }

      signalGroup(child, 'SIGTERM');
      await exited;
      // The server itself (not just npx) closed gracefully, and nothing is left running.
      await expect.poll(() => output.out(), { timeout: 15_000 }).toContain('Dial-in closed');
      await expect.poll(() => groupAlive(child), { timeout: 15_000 }).toBe(false);
    } finally {
      signalGroup(child, 'SIGKILL');
    }
  });

  it('exits non-zero with a message when it cannot start', async () => {
    const child = run('server/src/main.ts', childEnv({ PORT: 'not-a-port' }));
    const output = collect(child);
    expect(await exitOf(child)).toBe(1);
    expect(output.out()).toMatch(/PORT must be/);
  });
});
