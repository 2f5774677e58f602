/**
 * `npm run bench:phone` — issue 16 §2: the initial sync and the catch-up as a phone feels them,
 * over Chromium's emulated mobile network (CDP Network.emulateNetworkConditions: 9 Mbit/s
 * down, 1.5 Mbit/s up, 80 ms round trip), ours beside the floor in the same run and page.
 *
 * One account of BENCH_PHONE_BREWS brews (10,000) and BENCH_PHONE_BAGS bags (300) is seeded
 * through the push route (browser-seed.ts). The device's pages run without the service worker
 * (`serviceWorkers: 'block'`): network conditions set on a page's CDP session cover the
 * page's own requests, not a worker's, and the worker only forwards the pull. Then, with the
 * network emulated:
 *   - the floor (plain fetch + raw IndexedDB puts, initial-sync.ts) at every page size of
 *     BENCH_PHONE_PAGES ("250,500,1000"), one request after the other, as a plain client does;
 *   - ours, the app's initial sync after "Log in" (pages of LIMITS.pullPageDefault, fetched
 *     up to PAGES_AHEAD ahead of the stores);
 *   - a catch-up of BENCH_PHONE_CHANGES (500) brews another device changed: ours ("Sync now")
 *     and the floor's fetch + put of the same rows, at the app's page size.
 * Both ask for compressed answers (Chromium sends `br, gzip`), which the server gives.
 *
 * Prints figures; asserts nothing but completeness. Needs the built app (`npm run build`).
 * Server on PostgreSQL when DATABASE_URL is set, else PGlite in memory (said in the output).
 * CI smoke: BENCH_PHONE_BREWS=200 BENCH_PHONE_BAGS=10 BENCH_PHONE_CHANGES=50 BENCH_PHONE_PAGES=500
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { LIMITS } from '../../shared/protocol/limits.js';
import { newApiClient, TEST_PASSWORD } from '../support/api.js';
import { launchDevice, PHONE } from '../support/device.js';
import { ApiDevice, readLocalState } from '../support/late-device-state.js';
import { signInFromPage } from '../support/pwa.js';
import { startServer } from '../support/server.js';
import { seedAccount } from './browser-seed.js';
import { appInitialSync, deleteDatabases, floorSync } from './initial-sync.js';
import { appCatchUp, floorCatchUp } from './peer/catch-up.js';

/** A positive integer, or a comma-separated list of them, from the environment. */
function numbers(name: string, fallback: string): number[] {
  const raw = process.env[name] ?? fallback;
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new Error(`${name} must be positive integers separated by commas, got "${raw}"`);
  }
  return list;
}

const BREWS = numbers('BENCH_PHONE_BREWS', '10000')[0] ?? 10_000;
const BAGS = numbers('BENCH_PHONE_BAGS', '300')[0] ?? 300;
const CHANGES = Math.min(BREWS, numbers('BENCH_PHONE_CHANGES', '500')[0] ?? 500);
const FLOOR_PAGES = numbers('BENCH_PHONE_PAGES', '250,500,1000');
const APP_PAGE = LIMITS.pullPageDefault;

/** The mobile network of issue 16 §2, in CDP's units (bytes per second, ms). */
export const PHONE_NETWORK = {
  offline: false,
  latency: 80,
  downloadThroughput: (9_000_000 / 8) | 0,
  uploadThroughput: (1_500_000 / 8) | 0,
};

const distClient = path.resolve(import.meta.dirname, '../../dist/client');
if (!existsSync(path.join(distClient, 'index.html'))) {
  throw new Error(`no built app in ${distClient}: run \`npm run build\` first`);
}
const ms = (n: number) => `${n.toFixed(0)} ms`;

async function emulatePhoneNetwork(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', PHONE_NETWORK);
}

const backend = process.env.DATABASE_URL
  ? 'PostgreSQL (DATABASE_URL, own schema)'
  : 'PGlite in memory — DATABASE_URL is not set';
console.log(
  `server database: ${backend}; network: 9 Mbit/s down, 1.5 up, 80 ms RTT (CDP); load average ${loadavg()[0]?.toFixed(1)}`,
);
const server = await startServer({ env: { STATIC_DIR: distClient } });
const api = await newApiClient(server.url);
const device = await launchDevice(server.url, { ...PHONE, serviceWorkers: 'block' });
try {
  const seeded = await seedAccount(api, { bags: BAGS, brews: BREWS });
  const rows = BAGS + BREWS;
  const all = await api.pullAll();
  const { page, context } = device;
  await page.goto('/');
  // The floor's fetches need the account's cookie; the app still believes it is anonymous.
  await signInFromPage(page, 'login', seeded.email, TEST_PASSWORD);
  await emulatePhoneNetwork(page);

  console.log(`\ninitial sync of ${rows} rows (${BREWS} brews + ${BAGS} bags), phone network:`);
  const floors: { pageSize: number; ms: number }[] = [];
  for (const pageSize of FLOOR_PAGES) {
    const floor = await floorSync(page, `floor-${pageSize}`, pageSize);
    if (floor.rows !== rows) throw new Error(`the floor read ${floor.rows} rows, not ${rows}`);
    floors.push({ pageSize, ms: floor.totalMs });
    console.log(
      `  floor, pages of ${pageSize}: ${ms(floor.totalMs)} (fetch + JSON ${ms(floor.fetchMs)}, IndexedDB ${ms(floor.idbMs)}, ${floor.pages} requests one after the other)`,
    );
  }
  // appInitialSync navigates to the Account screen: the emulation belongs to the page, and
  // stays set across its navigations.
  const ours = await appInitialSync(page, seeded.email);
  const local = await readLocalState(context);
  if (local.bags.length + local.brews.length !== rows) {
    throw new Error(`ours stored ${local.bags.length + local.brews.length} rows, not ${rows}`);
  }
  const sameSize = floors.find((f) => f.pageSize === APP_PAGE) ?? floors[0];
  console.log(
    `  ours, pages of ${APP_PAGE}: ${ms(ours.pullMs)} (${ours.pages} requests, up to 4 ahead of the stores; in flight ${ms(ours.networkMs)} summed)`,
  );
  if (sameSize) {
    console.log(
      `  ours / floor at pages of ${sameSize.pageSize}: ${(ours.pullMs / sameSize.ms).toFixed(2)}×`,
    );
  }

  console.log(`\ncatch-up of ${CHANGES} brews changed on another device, phone network:`);
  const other = new ApiDevice(api, seeded.accountId);
  const changed = all.brews.slice(0, CHANGES);
  let oursCatchUp: number | null = null;
  for (let attempt = 1; oursCatchUp === null && attempt <= 3; attempt++) {
    const notes = `Phone catch-up ${attempt}: changed on another device.`;
    const timed = await appCatchUp(page, async () => {
      await other.push(
        changed.map((row) => other.mutation('brew', row.id, { notes })),
        LIMITS.pushMutations,
      );
    });
    if (timed === null) console.log('  (the app pulled by itself before the click: again)');
    else oursCatchUp = timed.pullMs;
  }
  const floorDb = `floor-${sameSize?.pageSize ?? APP_PAGE}`;
  const floorCatch = await floorCatchUp(page, floorDb, all.cursor, sameSize?.pageSize ?? APP_PAGE);
  if (floorCatch.rows !== CHANGES) throw new Error(`the floor caught up ${floorCatch.rows} rows`);
  console.log(`  floor: ${ms(floorCatch.totalMs)} (${floorCatch.pages} requests)`);
  if (oursCatchUp !== null) {
    console.log(
      `  ours: ${ms(oursCatchUp)}; ours / floor ${(oursCatchUp / floorCatch.totalMs).toFixed(2)}×`,
    );
  }
  await deleteDatabases(
    page,
    FLOOR_PAGES.map((size) => `floor-${size}`),
  );
  console.log(`\nload average at the end: ${loadavg()[0]?.toFixed(1)}`);
} finally {
  await device.close();
  await api.dispose();
  await server.stop();
}
