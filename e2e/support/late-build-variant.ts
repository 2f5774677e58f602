import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './package-scripts.js';

const run = promisify(execFile);

/** What a client build needs: the sources, the Vite config and the tsconfigs it resolves. */
const SOURCES = [
  'client',
  'shared',
  'vite.config.ts',
  'scripts',
  'package.json',
  'tsconfig.json',
  'tsconfig.base.json',
  'server/tsconfig.json',
  'e2e/tsconfig.json',
];

export interface ClientBuilds {
  /** dist/client of the sources as they are: "the version the user has". */
  current: string;
  /** dist/client of the next version: the same sources with `next` applied. */
  next: string;
  dispose(): Promise<void>;
}

/**
 * Builds the client twice from a private copy of the repository (3–4 s each): as it is, and
 * with `next` editing files of the copy — a second app version, with its own precache
 * manifest and asset hashes, to deploy under a running app. Nothing in the repository changes.
 */
export async function buildTwoVersions(
  next: (root: string) => Promise<void>,
): Promise<ClientBuilds> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'dialin-versions-'));
  for (const source of SOURCES) {
    await cp(path.join(repoRoot, source), path.join(root, source), { recursive: true });
  }
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const vite = path.join(repoRoot, 'node_modules/vite/bin/vite.js');
  const build = async (outDir: string) => {
    await run(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', outDir], {
      cwd: root,
    });
    return outDir;
  };
  const current = await build(path.join(root, 'out/current'));
  await next(root);
  const nextDir = await build(path.join(root, 'out/next'));
  return {
    current,
    next: nextDir,
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * Appends a Dexie schema version to client/src/data/schema.ts of a copy: `stores` as Dexie
 * declares them (only the changed tables). Throws if the file no longer has the shape this
 * edits, rather than silently building an unchanged app.
 */
export async function addSchemaVersion(
  root: string,
  version: number,
  stores: Record<string, string>,
): Promise<void> {
  const file = path.join(root, 'client/src/data/schema.ts');
  const text = await readFile(file, 'utf8');
  const start = text.indexOf('export const SCHEMA_VERSIONS');
  const end = text.indexOf('\n];', start);
  if (start < 0 || end < 0) throw new Error(`${file}: SCHEMA_VERSIONS array not found`);
  const entry = `\n  { version: ${version}, stores: ${JSON.stringify(stores)} },`;
  await writeFile(file, text.slice(0, end) + entry + text.slice(end));
}

/** The versioned asset the built index.html loads (index-<hash>.js): the build's identity. */
export async function entryScript(distDir: string): Promise<string> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const match = /src="\/(assets\/index-[^"]+\.js)"/.exec(html);
  if (!match?.[1]) throw new Error(`${distDir}/index.html loads no assets/index-*.js`);
  return match[1];
}
