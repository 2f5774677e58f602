import { randomUUID } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { applyPatch, type MergeableRow } from '../../shared/merge.js';
import { HttpClient } from './http-client.js';
import { LatencyRecorder } from './latency.js';
import { ErrorCounter, type SimAccount, SimDevice, type WireRow } from './sim-device.js';

export interface ScenarioOptions {
  /** Server base URLs; devices alternate between them request by request. */
  urls: string[];
  devices: number;
  /** Devices per shared account; half of the devices share accounts, half have their own. */
  devicesPerSharedAccount?: number;
  seconds: number;
  /**
   * Seconds the devices sync before the measured window, unmeasured but checked (errors
   * count): a freshly started server runs cold code on tables without statistics. 0 = none.
   */
  warmupS?: number;
  /** Mean pause between one device's sync cycles (uniform in [0.5, 1.5] × this). */
  thinkMs?: number;
  /** Called once per second of the run with the seconds elapsed (chaos uses it). */
  onSecond?: (elapsedS: number) => Promise<void> | void;
  /** CPU ms used so far by the server processes, to report the cost per request. */
  serverCpuMs?: () => number;
  log?: (line: string) => void;
}

export interface ScenarioResult {
  devices: number;
  accounts: number;
  seconds: number;
  latency: LatencyRecorder;
  errors: ErrorCounter;
  requests: number;
  acked: number;
  /** Empty when every device and every instance hold exactly what the acks imply. */
  mismatches: string[];
  /** CPU ms the server processes used during the measured window (NaN when unknown). */
  serverCpuMs: number;
  /** Seconds the devices needed after the run to deliver their outboxes and pull to the end. */
  settleS: number;
  /** Latency of the settle burst after the run (every device at once), reported apart. */
  settle: LatencyRecorder;
  /**
   * Event-loop delay of this load generator during the run (p99, max, ms). It shares the
   * machine with the server: a late loop here adds to every latency it measures.
   */
  clientLoopDelayMs: { p99: number; max: number };
  /** CPU ms this load generator used during the measured window (user + system). */
  clientCpuMs: number;
  /** Latency during the warm-up (empty without one), reported apart from the measured run. */
  warmup: LatencyRecorder;
}

const PASSWORD = 'load test password';

/** A seeded generator, so runs of one size make comparable work. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Accounts and their devices: signs everyone in and creates each account's shared bag. */
async function setUp(
  options: ScenarioOptions,
  http: HttpClient,
  latency: LatencyRecorder,
  errors: ErrorCounter,
) {
  const perShared = options.devicesPerSharedAccount ?? 4;
  const sharedDevices = Math.floor(options.devices / 2 / perShared) * perShared;
  const groups: number[] = [];
  for (let i = 0; i < sharedDevices / perShared; i += 1) groups.push(perShared);
  for (let i = sharedDevices; i < options.devices; i += 1) groups.push(1);

  const devices: SimDevice[] = [];
  const accounts: SimAccount[] = [];
  await pool(
    groups.map((size, index) => ({ size, index })),
    8,
    async ({ size, index }) => {
      const account: SimAccount = {
        id: '',
        email: `load-${index}-${randomUUID()}@example.com`,
        bagId: randomUUID(),
        acked: [],
      };
      accounts.push(account);
      for (let d = 0; d < size; d += 1) {
        const device = new SimDevice(
          `a${index}d${d}`,
          account,
          http,
          options.urls,
          latency,
          errors,
        );
        await device.signIn(d === 0, PASSWORD);
        devices.push(device);
      }
      const first = devices.find((device) => device.account === account) as SimDevice;
      first.write('bag', account.bagId, { name: `House blend ${index}`, roastLevel: 'medium' });
      if (!(await first.push())) throw new Error('setup push failed');
    },
  );
  return { devices, accounts };
}

/** Runs the devices for `seconds`, then lets them settle, then checks convergence. */
export async function runScenario(options: ScenarioOptions): Promise<ScenarioResult> {
  const log = options.log ?? (() => {});
  const http = new HttpClient(512);
  const latency = new LatencyRecorder();
  const errors = new ErrorCounter();
  const thinkMs = options.thinkMs ?? 1000;
  try {
    const { devices, accounts } = await setUp(options, http, latency, errors);
    log(`  ${devices.length} devices on ${accounts.length} accounts signed in`);
    // Setup traffic (scrypt-bound sign-ups) is not what is measured.
    const measuredErrors = new ErrorCounter();
    const warmup = new LatencyRecorder();
    for (const device of devices) {
      device.latency = warmup;
      device.errors = measuredErrors;
    }
    const running = devices;
    const randoms = running.map((_, index) => mulberry32(index + 1));
    /** Each device's sync cycles, as the client runs them, until `deadline`. */
    const cycle = (deadline: number) =>
      Promise.all(
        running.map(async (device, index) => {
          const random = randoms[index] as () => number;
          await sleep(random() * thinkMs);
          while (Date.now() < deadline) {
            device.makeEdits(random);
            await device.push();
            await device.pull();
            await sleep((0.5 + random()) * thinkMs);
          }
        }),
      );
    const warmupS = options.warmupS ?? 0;
    if (warmupS > 0) {
      await cycle(Date.now() + warmupS * 1000);
      log(`  warmed up for ${warmupS} s (${warmup.summary().count} requests, not measured)`);
    }
    // Created now, so its per-second figures count from the start of the measured window.
    const measured = new LatencyRecorder();
    for (const device of running) device.latency = measured;

    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    const clientCpuBefore = process.cpuUsage();
    const cpuBefore = options.serverCpuMs?.() ?? Number.NaN;
    const started = Date.now();
    const deadline = started + options.seconds * 1000;
    let stopTicker = false;
    const ticker = (async () => {
      for (let s = 1; !stopTicker && s <= options.seconds; s += 1) {
        await sleep(started + s * 1000 - Date.now());
        if (!stopTicker) await options.onSecond?.(s);
      }
    })();
    await cycle(deadline);
    stopTicker = true;
    const serverCpuMs = (options.serverCpuMs?.() ?? Number.NaN) - cpuBefore;
    const clientCpu = process.cpuUsage(clientCpuBefore);
    const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;
    loopDelay.disable();
    const clientLoopDelayMs = {
      p99: loopDelay.percentile(99) / 1e6,
      max: loopDelay.max / 1e6,
    };
    await ticker;

    // Settle: every device delivers its outbox and pulls to the end, retrying like a client.
    // All of them at the same instant: a burst that is not the load being measured, so its
    // latencies are kept apart (they used to land in the run's last second and its p99).
    const settle = new LatencyRecorder();
    for (const device of running) device.latency = settle;
    const settleStart = Date.now();
    await Promise.all(
      running.map(async (device) => {
        for (;;) {
          if ((await device.push()) && (await device.pull())) return;
          if (Date.now() - settleStart > 120_000) {
            const seen = [...measuredErrors.byKind].map(([k, n]) => `${k} ×${n}`).join(', ');
            throw new Error(`${device.name} did not settle within 120 s; errors seen: ${seen}`);
          }
          await sleep(250);
        }
      }),
    );
    const settleS = (Date.now() - settleStart) / 1000;
    // Delta pulls before a device's own last push may predate other devices' last writes.
    await Promise.all(running.map((device) => device.pull()));

    const mismatches = await verify(running, accounts, options.urls.length);
    const requests = measured.summary().count;
    return {
      devices: running.length,
      accounts: accounts.length,
      seconds: options.seconds,
      latency: measured,
      errors: measuredErrors,
      requests,
      acked: accounts.reduce((sum, a) => sum + a.acked.length, 0),
      mismatches,
      serverCpuMs,
      settleS,
      settle,
      clientLoopDelayMs,
      clientCpuMs,
      warmup,
    };
  } finally {
    http.close();
  }
}

/** Stable JSON (sorted keys at every level), without the per-server `version`. */
function canonical(row: MergeableRow | WireRow): string {
  const { version: _version, ...rest } = row as WireRow;
  const sorted = (value: unknown): unknown =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([k, v]) => [k, sorted(v)]),
        )
      : value;
  return JSON.stringify(sorted(rest));
}

/**
 * Nothing acknowledged is lost and nothing is duplicated: for every account, the rows that
 * folding all its acknowledged mutations gives must equal a full pull through every instance,
 * and every device's delta-pulled copy must equal that too (versions included).
 */
async function verify(devices: SimDevice[], accounts: SimAccount[], instances: number) {
  const mismatches: string[] = [];
  for (const account of accounts) {
    const expected = new Map<string, MergeableRow>();
    for (const m of account.acked) {
      expected.set(
        m.rowId,
        applyPatch(m.entity, expected.get(m.rowId), m.rowId, m.patch, m.hlc).row,
      );
    }
    const mine = devices.filter((device) => device.account === account);
    const first = mine[0] as SimDevice;
    const full = await first.fullPull(0);
    const compare = (
      label: string,
      rows: Map<string, MergeableRow | WireRow>,
      reference: Map<string, MergeableRow | WireRow>,
      exact: boolean,
    ) => {
      if (rows.size !== reference.size) {
        mismatches.push(`${account.email} ${label}: ${rows.size} rows, expected ${reference.size}`);
        return;
      }
      for (const [id, want] of reference) {
        const got = rows.get(id);
        const same =
          got !== undefined &&
          (exact
            ? JSON.stringify(got) === JSON.stringify(want)
            : canonical(got) === canonical(want));
        if (!same) mismatches.push(`${account.email} ${label}: row ${id} differs`);
      }
    };
    compare('server vs acknowledged mutations', full, expected, false);
    for (let i = 1; i < instances; i += 1) {
      compare(`full pull through instance ${i}`, await first.fullPull(i), full, true);
    }
    for (const device of mine) compare(`${device.name} delta pulls`, device.rows, full, true);
  }
  return mismatches;
}
