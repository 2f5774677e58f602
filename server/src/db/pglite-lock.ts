import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const LOCK_FILE = 'dialin.pid';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Two processes opening one PGlite directory corrupt it (`RuntimeError: Aborted()`), e.g. `npm run migrate` while the server runs. A pid file refuses the second;
 * a file left by a crashed process (its pid gone, or our own pid after a container restart)
 * is taken over. Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const path = join(dataDir, LOCK_FILE);
  const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
  if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
    throw new Error(
      `PGlite data directory ${dataDir} is in use by process ${holder}; stop it first (one process per directory).`,
    );
  }
  await writeFile(path, String(process.pid));
  return async () => {
    await rm(path, { force: true });
  };
}
