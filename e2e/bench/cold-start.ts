import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { START_MARKS } from '../../client/src/ui/start-marks.js';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { PHONE } from '../support/device.js';

/**
 * Offline cold start of the installed app, and what the installed app costs on the device.
 * Not a spec: browser-bench.ts runs these on the profile its initial sync filled.
 */

export interface ColdStart {
  /** Navigation start → index.html received (from the worker's precache). */
  htmlMs: number;
  /** Navigation start → the app's modules had run (its own mark, before the first render). */
  modulesRunMs: number;
  /** Navigation start → the first brew row in the DOM (the list rendered from IndexedDB). */
  firstBrewMs: number;
  /** Navigation start → the frame after it. */
  paintedMs: number;
  /** Rows the list showed at that moment. */
  rows: number;
  /** The page was controlled by the service worker (served from its precache). */
  controlled: boolean;
  /** Paths of the scripts the start loaded (all from the precache). */
  scripts: string[];
}

/**
 * A cold start in airplane mode: a new browser process on the same profile (the worker is
 * registered and its precache filled, nothing of it in memory), offline from launch, opening
 * "/" as the home-screen icon does. The stopwatch runs in the page from navigation start
 * (performance.now() is 0 there); an init script installed before any app code watches for the
 * first `.brew-item`.
 */
export async function offlineColdStart(userDataDir: string, baseURL: string): Promise<ColdStart> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    ...chromiumLaunchOptions,
    ...PHONE,
    baseURL,
    offline: true,
  });
  try {
    await context.addInitScript(() => {
      const w = window as unknown as { benchFirstBrew: Promise<[number, number, number]> };
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      w.benchFirstBrew = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          const rows = document.querySelectorAll('.brew-item').length;
          if (rows === 0) return;
          observer.disconnect();
          const inserted = performance.now();
          requestAnimationFrame(() => resolve([inserted, performance.now(), rows]));
        });
        observer.observe(document, { childList: true, subtree: true });
      });
    });
    const page: Page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    const [firstBrewMs, paintedMs, rows] = await page.evaluate(
      () =>
        (window as unknown as { benchFirstBrew: Promise<[number, number, number]> }).benchFirstBrew,
    );
    const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
    // The page cannot see this module's imports: the mark's name goes in as an argument.
    const [htmlMs, modulesRunMs] = await page.evaluate((modulesRun) => {
      const navigation = performance.getEntriesByType('navigation')[0] as
        | PerformanceNavigationTiming
        | undefined;
      const mark = performance.getEntriesByName(modulesRun)[0];
      return [navigation?.responseEnd ?? Number.NaN, mark?.startTime ?? Number.NaN];
    }, START_MARKS.modulesRun);
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.endsWith('.js')),
    );
    return { htmlMs, modulesRunMs, firstBrewMs, paintedMs, rows, controlled, scripts };
  } finally {
    await context.close();
  }
}

/** Gzipped (level 9, as bench:client measures) size of the given built files under dist/client. */
export function gzippedBytes(distClient: string, paths: string[]): number {
  return paths.reduce(
    (sum, p) => sum + gzipSync(readFileSync(path.join(distClient, p)), { level: 9 }).length,
    0,
  );
}

/** Bytes on disk of a directory tree (the profile's IndexedDB folder, after the browser closed). */
export function diskBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? diskBytes(full) : statSync(full).size;
  }
  return total;
}
