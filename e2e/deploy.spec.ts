import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROUTES } from '../shared/protocol/routes.js';
import { expect, test } from './support/fixtures.js';
import { packageScripts, repoRoot } from './support/package-scripts.js';
import { startServer, uniqueSchema } from './support/server.js';

/**
 * The Dockerfile and docker-compose.yml cannot be run here (no Docker engine), so they are
 * kept to npm scripts, and these tests check that they name only real scripts and run those
 * scripts the way the image does.
 */

const run = promisify(execFile);
const npm = 'npm';

async function repoFile(name: string): Promise<string> {
  return readFile(path.join(repoRoot, name), 'utf8');
}

/**
 * `npm run <name>` in shell form or in JSON exec form (["npm", "run", "--silent", "x"]),
 * outside comments.
 */
function npmRunScripts(text: string): string[] {
  const code = text.replace(/^\s*#.*$/gm, '');
  const found: string[] = [];
  for (const match of code.matchAll(/npm"?,?\s+"?run"?,?\s+(?:"?--silent"?,?\s+)?"?([\w:-]+)/g)) {
    if (match[1]) found.push(match[1]);
  }
  return found;
}

test('the Dockerfile and docker-compose.yml only run npm scripts that exist', async () => {
  const scripts = packageScripts();
  const dockerfile = await repoFile('Dockerfile');
  const compose = await repoFile('docker-compose.yml');
  const named = [...npmRunScripts(dockerfile), ...npmRunScripts(compose)];
  expect(named.sort()).toEqual(['build', 'healthcheck', 'migrate']);
  for (const name of named) expect(Object.keys(scripts)).toContain(name);

  // The image runs the server as `npm run serve` does, minus npm (so it gets SIGTERM itself).
  const cmd = /^CMD\s+(\[.*\])\s*$/m.exec(dockerfile)?.[1];
  expect(cmd && (JSON.parse(cmd) as string[]).join(' ')).toBe(scripts.serve);
  expect(dockerfile).toMatch(
    /^HEALTHCHECK .*\n?.*CMD \["npm", "run", "--silent", "healthcheck"\]/m,
  );
  expect(dockerfile).toContain('RUN npm ci --omit=dev');
  expect(dockerfile).toMatch(/^USER node$/m);
  expect(compose).toMatch(/image: postgres:15/);
  expect(compose).toMatch(/condition: service_healthy/);
});

test('npm run healthcheck passes against a live server and fails against none', async ({
  server,
}) => {
  const env = { ...process.env, PORT: new URL(server.url).port };
  await expect(
    run(npm, ['run', '--silent', 'healthcheck'], { cwd: repoRoot, env }),
  ).resolves.toBeTruthy();

  // A port that was free a moment ago: nothing answers there.
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const deadPort = String((probe.address() as AddressInfo).port);
  await new Promise((resolve) => probe.close(resolve));
  await expect(
    run(npm, ['run', '--silent', 'healthcheck'], {
      cwd: repoRoot,
      env: { ...process.env, PORT: deadPort },
    }),
  ).rejects.toMatchObject({ code: 1 });
});

test('npm run migrate migrates a fresh database, twice, and the server starts on it', async () => {
  // Compose's order: migrate, then serve, against one database.
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'dialin-migrate-'));
  const schema = uniqueSchema('migrate');
  const env = process.env.DATABASE_URL
    ? { ...process.env, DATABASE_SCHEMA: schema }
    : { ...process.env, DATA_DIR: dataDir };
  try {
    const first = await run(npm, ['run', '--silent', 'migrate'], { cwd: repoRoot, env });
    expect(first.stdout).toMatch(/Applied to/);
    const second = await run(npm, ['run', '--silent', 'migrate'], { cwd: repoRoot, env });
    expect(second.stdout).toMatch(/up to date/);

    // The server drops the schema when it stops.
    const server = await startServer({ schema, dataDir });
    try {
      const health = (await (await fetch(`${server.url}${ROUTES.health.path}`)).json()) as {
        migration: string | null;
      };
      expect(health.migration).toEqual(expect.any(String));
    } finally {
      await server.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

test('the production install (npm ci --omit=dev) serves the built app', async () => {
  test.setTimeout(300_000);
  // What the image's final stage holds: package files, production dependencies and dist/.
  const app = await mkdtemp(path.join(os.tmpdir(), 'dialin-image-'));
  try {
    for (const file of ['package.json', 'package-lock.json']) {
      await cp(path.join(repoRoot, file), path.join(app, file));
    }
    await cp(path.join(repoRoot, 'dist'), path.join(app, 'dist'), { recursive: true });
    await run(npm, ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: app,
    });
    const server = await startServer({ cwd: app });
    try {
      const health = await fetch(`${server.url}${ROUTES.health.path}`);
      expect(health.status).toBe(200);
      const page = await fetch(`${server.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>Dial-in');
    } finally {
      await server.stop();
    }
  } finally {
    await rm(app, { recursive: true, force: true });
  }
});
