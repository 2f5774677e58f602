import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is e2e/support/package-scripts.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface PackageJson {
  scripts: Record<string, string>;
}

export function packageScripts(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;
  return pkg.scripts;
}

/**
 * The argv of a `node <file>` npm script, run with this Node binary. Tests start processes
 * from the script itself so they exercise exactly what `npm run serve` (and the Docker image)
 * runs; a script of any other shape is refused rather than guessed at.
 */
export function nodeScriptArgv(name: string): { command: string; args: string[] } {
  const script = packageScripts()[name];
  if (script === undefined) throw new Error(`package.json has no "${name}" script`);
  const [bin, file, ...rest] = script.trim().split(/\s+/);
  if (bin !== 'node' || file === undefined || rest.length > 0) {
    throw new Error(`the "${name}" script must be \`node <file>\`, found: ${script}`);
  }
  return { command: process.execPath, args: [file] };
}
