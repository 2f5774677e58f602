/**
 * `npm run bench:browser` — issue 7's browser-side figures, in Debian's Chromium against the
 * built app (`npm run build` first) served by the real server:
 *
 *  1. Initial sync: one account holding BENCH_BREWS brews (10,000) and BENCH_BAGS bags (300),
 *     seeded through the push route, pulled by the app's own sync engine into an empty
 *     IndexedDB (a person logging in on a new phone), against the floor measured in the same
 *     run and page: plain fetch of the same pages + raw IndexedDB puts (initial-sync.ts).
 *     Target ≤ 1.5× the floor and ≤ 2 s.
 *  2. The local database's size per 1,000 brews (storage estimate, and bytes on disk).
 *  3. Offline cold start of the installed app holding that data: navigation → first brew row
 *     (cold-start.ts), BENCH_COLD_STARTS times (3); and the gzipped JS it loaded.
 *  4. A phone's first visit: the JS bytes on the wire as the browser logged them, start-up
 *     and all, compressed as the server sends them (wire-bytes.ts). Targets ≤ 60 KB, ≤ 80 KB.
 *
 * `npm run bench:browser` then runs its second part, the same offline cold start and save →
 * list in Chromium, Firefox and WebKit side by side (engine-bench.bench.ts, a Playwright spec).
 *
 * Server on PostgreSQL when DATABASE_URL is set (its own schema, dropped after), else PGlite
 * in memory (said in the output). Prints figures; asserts nothing but completeness.
 * BENCH_STATIC_DIR=<dir> serves another build of the client (to compare a change).
 * BENCH_PROFILE=<file>.cpuprofile: a CPU profile of the page during ours (DevTools opens it),
 * and the sums of any performance.measure() entries the page made (a local experiment's marks).
 * During ours it also samples the page's JS heap (CDP Performance.getMetrics) and the server
 * process's resident memory (/proc/<pid>/status) every 100 ms, and prints their peaks and the
 * per-row cost: with BENCH_BREWS=100000 BENCH_BAGS=1000 that is issue 16 §4's heavy user.
 * CI smoke: BENCH_BREWS=200 BENCH_BAGS=10 BENCH_COLD_STARTS=1 npm run bench:browser
 */
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { LIMITS } from '../../shared/protocol/limits.js';
import { newApiClient, TEST_PASSWORD } from '../support/api.js';
import { launchDevice } from '../support/device.js';
import { readLocalState } from '../support/late-device-state.js';
import { openControlledApp, signInFromPage } from '../support/pwa.js';
import { startServer } from '../support/server.js';
import { seedAccount } from './browser-seed.js';
import { diskBytes, gzippedBytes, offlineColdStart } from './cold-start.js';
import { appInitialSync, deleteDatabases, floorSync } from './initial-sync.js';
import { type FirstVisit, firstVisit } from './wire-bytes.js';

const BREWS = Number(process.env.BENCH_BREWS ?? 10_000);
const BAGS = Number(process.env.BENCH_BAGS ?? 300);
const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 3);
const PAGE_SIZE = LIMITS.pullPageDefault;
// BENCH_STATIC_DIR serves another build of the app (e.g. `vite build --outDir …`), to compare.
const distClient = process.env.BENCH_STATIC_DIR
  ? path.resolve(process.env.BENCH_STATIC_DIR)
  : path.resolve(import.meta.dirname, '../../dist/client');

const ms = (n: number) => `${n.toFixed(0)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const backend = process.env.DATABASE_URL
  ? 'PostgreSQL (DATABASE_URL, own schema)'
  : 'PGlite in memory — DATABASE_URL is not set, so NOT the PostgreSQL figure issue 7 asks for';
console.log(`server database: ${backend}`);

const server = await startServer({ env: { STATIC_DIR: distClient } });
// First, on an empty profile of its own, while the server has served nothing yet.
const visit = await firstVisit(server.url, distClient);
const api = await newApiClient(server.url);
const device = await launchDevice(server.url);
let closed = false;
try {
  const seeded = await seedAccount(api, { bags: BAGS, brews: BREWS });
  const rows = BAGS + BREWS;
  console.log(
    `seeded ${BREWS} brews + ${BAGS} bags through /api/sync/push in ${ms(seeded.seedMs)}`,
  );
  // Both sides then meet a server whose caches hold the rows: neither pays the first read.
  await api.pullAll();

  const { page, context } = device;
  await openControlledApp(page);
  // The floor's fetches need the account's cookie; the app still believes it is anonymous.
  await signInFromPage(page, 'login', seeded.email, TEST_PASSWORD);
  const floorBefore = await floorSync(page, 'floor-before', PAGE_SIZE);
  const estimate = () =>
    page.evaluate(async () => {
      const e = (await navigator.storage.estimate()) as StorageEstimate & {
        usageDetails?: { indexedDB?: number };
      };
      return e.usageDetails?.indexedDB ?? e.usage ?? 0;
    });
  const idbBefore = await estimate();
  // BENCH_PROFILE=<file>.cpuprofile records a CDP CPU profile of the page during ours.
  const profiler = process.env.BENCH_PROFILE ? await context.newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.send('Profiler.start');
  }
  const peaks = await samplePeaks(context, page, server.child.pid);
  const ours = await appInitialSync(page, seeded.email);
  const peak = await peaks.stop();
  if (profiler && process.env.BENCH_PROFILE) {
    const { profile } = await profiler.send('Profiler.stop');
    await writeFile(process.env.BENCH_PROFILE, JSON.stringify(profile));
    await profiler.detach();
    const measures = await page.evaluate(() =>
      performance
        .getEntriesByType('measure')
        .map((m) => [m.name, m.startTime, m.duration] as const),
    );
    const sums = new Map<string, [number, number]>();
    for (const [name, , duration] of measures) {
      const [n, d] = sums.get(name) ?? [0, 0];
      sums.set(name, [n + 1, d + duration]);
    }
    for (const [name, [n, d]] of sums) console.log(`  measure ${name}: ${n}× ${ms(d)}`);
    await writeFile(`${process.env.BENCH_PROFILE}.measures.json`, JSON.stringify(measures));
  }
  const idbAfter = await estimate();
  const local = await readLocalState(context);
  const complete = local.bags.length === BAGS && local.brews.length === BREWS;
  const floorAfter = await floorSync(page, 'floor-after', PAGE_SIZE);
  for (const floor of [floorBefore, floorAfter]) {
    if (floor.rows !== rows) throw new Error(`the floor read ${floor.rows} rows, not ${rows}`);
  }
  await deleteDatabases(page, ['floor-before', 'floor-after']);
  await context.close();
  closed = true;
  const onDisk = diskBytes(path.join(device.userDataDir, 'Default', 'IndexedDB'));

  const floor = Math.min(floorBefore.totalMs, floorAfter.totalMs);
  console.log(`\ninitial sync, ${rows} rows, pages of ${PAGE_SIZE}, Chromium, empty IndexedDB:`);
  console.log(
    `  ours (app's sync engine): ${ms(ours.pullMs)}  first pull request → "Synced", ${ours.pages} pages` +
      `  (of which pull requests in flight ${ms(ours.networkMs)}; from the Log in click ${ms(ours.fromClickMs)})`,
  );
  console.log(
    `  local database complete: ${complete ? 'yes' : 'NO'} (${local.bags.length} bags, ${local.brews.length} brews)`,
  );
  for (const [label, f] of [
    ['floor, before ours', floorBefore],
    ['floor, after ours ', floorAfter],
  ] as const) {
    console.log(
      `  ${label}: ${ms(f.totalMs)}  (fetch + JSON ${ms(f.fetchMs)}, IndexedDB puts ${ms(f.idbMs)}, ${f.pages} pages)`,
    );
  }
  console.log(
    `  ratio ours / floor (the faster floor): ${(ours.pullMs / floor).toFixed(2)}×   (target ≤ 1.5× and ≤ 2000 ms)`,
  );
  console.log(
    `  per row: ours ${((ours.pullMs / rows) * 1000).toFixed(0)} µs, floor ${((floor / rows) * 1000).toFixed(0)} µs` +
      `; during ours, peak JS heap of the page ${mb(peak.heapBytes)}, peak server RSS ${mb(peak.serverRssBytes)}` +
      ` (${peak.samples} samples, every 100 ms)`,
  );

  console.log('\nlocal database size:');
  console.log(
    `  storage estimate (IndexedDB), after − before the sync: ${kb(idbAfter - idbBefore)}` +
      ` = ${kb(((idbAfter - idbBefore) / BREWS) * 1000)} per 1,000 brews (bags included)`,
  );
  console.log(
    `  on disk (profile IndexedDB folder, browser closed): ${kb(onDisk)}` +
      ` = ${kb((onDisk / BREWS) * 1000)} per 1,000 brews (bags included)`,
  );

  console.log(
    `\noffline cold start, installed app holding ${BREWS} brews (new browser process, offline from launch):`,
  );
  let scripts: string[] = [];
  for (let i = 0; i < COLD_STARTS; i++) {
    const cold = await offlineColdStart(device.userDataDir, server.url);
    scripts = cold.scripts;
    console.log(
      `  run ${i + 1}: first brew row ${ms(cold.firstBrewMs)}, painted ${ms(cold.paintedMs)} after navigation start` +
        ` (HTML received ${ms(cold.htmlMs)}, app modules run ${ms(cold.modulesRunMs)};` +
        ` ${cold.rows} rows; controlled by the worker: ${cold.controlled ? 'yes' : 'NO'})`,
    );
  }
  console.log(
    `  JS gzipped (level 9): app scripts the cold start loaded ${kb(gzippedBytes(distClient, scripts))}` +
      ` (${scripts.length} files); service worker sw.js ${kb(gzippedBytes(distClient, ['sw.js']))}`,
  );
  printFirstVisit(visit);
  if (!complete) process.exitCode = 1;
} finally {
  if (!closed) await device.context.close();
  await rm(device.userDataDir, { recursive: true, force: true });
  await api.dispose();
  await server.stop();
}

function printFirstVisit({ startup, all }: FirstVisit): void {
  const sum = (scripts: FirstVisit['all']) => scripts.reduce((n, s) => n + s.wireBytes, 0);
  const app = all.filter((s) => s.by === 'page');
  const worker = all.filter((s) => s.by !== 'page');
  const list = (scripts: FirstVisit['all']) =>
    scripts.map((s) => `${s.path} ${kb(s.wireBytes)} ${s.encoding}`.trim()).join(', ');
  console.log('\nfirst visit, empty profile, JS on the wire (network log, headers included):');
  console.log(`  start-up JS (what index.html loads): ${kb(sum(startup))}   (target ≤ 60 KB)`);
  console.log(`    ${list(startup)}`);
  console.log(`  all app JS (the page's scripts): ${kb(sum(app))}   (target ≤ 80 KB)`);
  console.log(`    ${list(app)}`);
  console.log(
    `  service worker: ${kb(sum(worker))} (sw.js, and its precache fetches: 0 when the HTTP cache answered)`,
  );
  console.log(`    ${list(worker)}`);
  console.log(`  every script transfer of the visit: ${kb(sum(all))}`);
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The server's resident memory now (VmRSS of /proc/<pid>/status), 0 when unreadable. */
function residentBytes(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/**
 * Samples the page's used JS heap (CDP Performance.getMetrics, JSHeapUsedSize) and the server's
 * resident memory every 100 ms until `stop`, which returns the peaks.
 */
async function samplePeaks(context: BrowserContext, page: Page, serverPid: number | undefined) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let heapBytes = 0;
  let serverRssBytes = residentBytes(serverPid);
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
      heapBytes = Math.max(heapBytes, heap);
      serverRssBytes = Math.max(serverRssBytes, residentBytes(serverPid));
      samples += 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach();
      return { heapBytes, serverRssBytes, samples };
    },
  };
}
