import os from 'node:os';
import { test } from '@playwright/test';
import { ENGINES, type EngineName } from '../engines/device.js';
import { engineMissingReason, openEngineDevice } from '../engines/launch.js';
import { expectPill, logIn, openControlledApp, SYNCED } from '../engines/steps.js';
import { newApiClient } from '../support/api.js';
import { browserRequired } from '../support/chromium.js';
import { startServer } from '../support/server.js';
import { seedAccount } from './browser-seed.js';
import {
  type ColdStartMarks,
  offlineColdStart,
  type SaveTiming,
  saveToList,
} from './engine-measure.js';
import { type EngineFigures, printEngineTable } from './engine-table.js';

/**
 * `npm run bench:browser`, its second part: offline cold start and save → list in Chromium,
 * Firefox and WebKit, one engine after the other in one run, printed side by side (median and
 * p95). A Playwright spec (run by engine-bench.config.ts), not a tsx script: tsx keeps
 * function names, which breaks the page functions the engine drivers send.
 *
 * Each engine gets a fresh phone (e2e/engines/launch.ts) that logs in to one account holding
 * BENCH_BREWS brews and BENCH_BAGS bags (pulled by the app itself), then BENCH_ENGINE_COLD_STARTS
 * offline cold starts and BENCH_ENGINE_SAVES saves, offline. Prints figures; asserts nothing
 * but that the list showed rows.
 */
const BREWS = Number(process.env.BENCH_BREWS ?? 10_000);
const BAGS = Number(process.env.BENCH_BAGS ?? 300);
const COLD_STARTS = Number(process.env.BENCH_ENGINE_COLD_STARTS ?? 10);
const SAVES = Number(process.env.BENCH_ENGINE_SAVES ?? 50);

async function measureEngine(engine: EngineName, serverUrl: string, email: string) {
  const opened = Date.now();
  const device = await openEngineDevice(engine, serverUrl);
  try {
    await openControlledApp(device);
    const pullStart = Date.now();
    await logIn(device, email);
    await expectPill(device, SYNCED, 5 * 60_000);
    const loginToSyncedMs = Date.now() - pullStart;
    const coldStarts: ColdStartMarks[] = [];
    for (let i = 0; i < COLD_STARTS; i++) coldStarts.push(await offlineColdStart(device));
    // Saves offline too: the offline-first path, nothing of the network in the figure.
    device.network.cut();
    const saves: SaveTiming[] = [];
    for (let i = 0; i < SAVES; i++) saves.push(await saveToList(device));
    device.network.restore();
    return {
      engine,
      loginToSyncedMs,
      coldStarts,
      saves,
      wallMs: Date.now() - opened,
    } satisfies EngineFigures;
  } finally {
    await device.close();
  }
}

test('offline cold start and save → list, side by side in every engine', async () => {
  const server = await startServer();
  const api = await newApiClient(server.url);
  try {
    const seeded = await seedAccount(api, { bags: BAGS, brews: BREWS });
    console.log(
      `\nevery engine: one account of ${BREWS} brews + ${BAGS} bags; ${COLD_STARTS} offline cold starts, ${SAVES} offline saves each`,
    );
    const figures: EngineFigures[] = [];
    const skipped: string[] = [];
    for (const engine of ENGINES) {
      const missing = engineMissingReason(engine);
      if (missing) {
        // In CI every engine is required, as in the cross-engine suite.
        if (browserRequired()) throw new Error(missing);
        skipped.push(`${engine}: ${missing}`);
        continue;
      }
      figures.push(await measureEngine(engine, server.url, seeded.email));
    }
    printEngineTable(figures);
    for (const line of skipped) console.log(`  skipped ${line}`);
    console.log(
      `  load average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} (${os.cpus().length} cores)`,
    );
  } finally {
    await api.dispose();
    await server.stop();
  }
});
