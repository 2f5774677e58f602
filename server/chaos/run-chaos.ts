import { spawnSync } from 'node:child_process';
import { ROOT } from '../../test-support/server-process.js';
import { intOption } from '../load/options.js';
import { machineLine } from '../load/report.js';
import { crashAfterCommit } from './crash-after-commit.js';
import { postgresRestartUnderLoad } from './postgres-restart.js';

/**
 * `npm run chaos`: the server-side faults of issue 7, each printing what happened.
 * 1. SIGKILL between committing a push and answering it, then a replay (PGlite, and
 *    PostgreSQL when DATABASE_URL is set).
 * 2. A private PostgreSQL restarted during the many-devices load.
 * 3. With --fuzz-scale/FUZZ_SCALE > 0: the fuzz suites, that many times their normal size.
 * Sizes: --devices/CHAOS_DEVICES (200), --seconds/CHAOS_SECONDS (60), --down/CHAOS_DOWN_S (5),
 * --think/LOAD_THINK_MS (1000). Exits 1 when any fault breaks a promise.
 */
const devices = intOption('devices', 'CHAOS_DEVICES', 200);
const seconds = intOption('seconds', 'CHAOS_SECONDS', 60);
const downS = intOption('down', 'CHAOS_DOWN_S', 5);
const thinkMs = intOption('think', 'LOAD_THINK_MS', 1000);
const fuzzScale = intOption('fuzz-scale', 'FUZZ_SCALE', 0);
const databaseUrl = process.env.DATABASE_URL || undefined;

console.log(`chaos: ${await machineLine(databaseUrl)}`);
let ok = true;

for (const url of databaseUrl === undefined ? [undefined] : [undefined, databaseUrl]) {
  const r = await crashAfterCommit(url);
  const good =
    r.exit === 'SIGKILL' &&
    r.lostAnswer.startsWith('no answer') &&
    r.duplicates === 0 &&
    r.mismatches.length === 0 &&
    r.replays.every(
      (p) => p.status === 200 && p.applied === 0 && p.version === r.versionBeforeCrash + 1,
    );
  ok &&= good;
  console.log(
    `SIGKILL after commit, before answer (${r.database}): ${good ? 'exactly one copy' : 'FAILED'}`,
  );
  console.log(`  server ended by ${r.exit}; the client saw ${r.lostAnswer}`);
  console.log(
    `  replays: ${r.replays.map((p) => `${p.status} applied ${p.applied} version ${p.version}`).join('; ')} (version before the crash ${r.versionBeforeCrash})`,
  );
  console.log(
    `  rows pulled ${r.rowIds.length}, duplicates ${r.duplicates}, mismatches ${r.mismatches.length}`,
  );
}

const restart = await postgresRestartUnderLoad({ devices, seconds, downS, thinkMs });
const restartOk =
  restart.serverExit === null &&
  restart.converged &&
  // The database being down is a 503 `unavailable` (retry later), never a 500.
  restart.errorKinds.every((kind) => kind.endsWith(' 503')) &&
  restart.healthRecoveredMs !== undefined &&
  [...restart.healthWhileDown.keys()].every((status) => status === 503) &&
  restart.healthWhileDown.size > 0;
ok &&= restartOk;
console.log(
  `  PostgreSQL restart: ${restartOk ? 'server stayed up, reported 503, devices recovered and converged' : 'FAILED'}`,
);

if (fuzzScale > 0) {
  console.log(`fuzz suites at ${fuzzScale}× their normal size:`);
  const fuzz = spawnSync('npx', ['vitest', 'run', 'server/test/fuzz'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_SCALE: String(fuzzScale) },
  });
  ok &&= fuzz.status === 0;
}
process.exit(ok ? 0 : 1);
