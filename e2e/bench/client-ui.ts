/**
 * `npm run bench:client` — the UI's two budgets, measured in Debian's Chromium against the
 * built app (`npm run build` first) served by the real server:
 *
 *  1. save → list: from the tap on "Save brew" (its click, which fires when the finger
 *     lifts) on the phone viewport to the new brew being in the brew list (DOM inserted, and
 *     the next frame after it), p50/p95 over 200 saves.
 *     Anonymous and local (the offline-first path: no network in the way). Target p95 ≤ 16 ms.
 *  2. gzipped JS: the app (what index.html loads, and all chunks) and the service worker.
 *     Target app ≤ 60 KB.
 *
 * Prints figures; asserts nothing (timings depend on the machine).
 */
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { PHONE } from '../support/device.js';
import { startServer } from '../support/server.js';
import { importThroughUi, sampleExport } from '../support/ui.js';

const SAVES = Number(process.env.BENCH_SAVES ?? 200);
const dist = path.resolve(import.meta.dirname, '../../dist/client');

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

function sizes() {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const assets = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  // index.html's script and modulepreloads; the other screens' chunks (and the sync engine)
  // are fetched right after the first paint.
  const initial = assets.filter((f) => html.includes(f));
  const total = assets.reduce((sum, f) => sum + gz(path.join(dist, 'assets', f)), 0);
  const first = initial.reduce((sum, f) => sum + gz(path.join(dist, 'assets', f)), 0);
  return { total, first, chunks: assets.length, worker: gz(path.join(dist, 'sw.js')) };
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? Number.NaN;
}

async function saveTimes() {
  const server = await startServer();
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const context = await browser.newContext({ ...PHONE, baseURL: server.url });
    const page = await context.newPage();
    await importThroughUi(
      page,
      sampleExport({
        brews: 5,
        oneBagEspresso: true,
        // A bag of no stated weight: 200 saves of 18 g would empty a 250 g one, and "Finish
        // this bag?" would stand in front of the next save.
        bagWeightG: null,
      }),
    );
    const dom: number[] = [];
    const frame: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      await page.goto('/#/log');
      await page.getByLabel('Grind', { exact: true }).waitFor();
      // The stopwatch runs in the page: from the tap's click (capture phase, before the app's
      // handlers) to the first brew row changing (MutationObserver), and to the frame after
      // that (requestAnimationFrame). Not from pointerdown: a synthetic tap's touchstart and
      // touchend are two CDP round trips apart, which would time the harness, not the app.
      await page.evaluate(() => {
        const w = window as unknown as { benchDone: Promise<[number, number]> };
        const before = document.querySelector('.brew-item')?.getAttribute('data-brew') ?? null;
        w.benchDone = new Promise((resolve) => {
          let t0 = 0;
          const button = document.querySelector('[data-testid="save-brew"]');
          button?.addEventListener(
            'click',
            () => {
              t0 = performance.now();
            },
            { capture: true, once: true },
          );
          const observer = new MutationObserver(() => {
            const first = document.querySelector('.brew-item')?.getAttribute('data-brew');
            if (!t0 || !first || first === before) return;
            const inserted = performance.now() - t0;
            observer.disconnect();
            requestAnimationFrame(() => resolve([inserted, performance.now() - t0]));
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
        });
      });
      await page.getByRole('button', { name: 'Grind finer' }).tap();
      await page.getByTestId('save-brew').tap();
      const [inserted, painted] = await page.evaluate(
        () => (window as unknown as { benchDone: Promise<[number, number]> }).benchDone,
      );
      dom.push(inserted);
      frame.push(painted);
    }
    return { dom: dom.sort((a, b) => a - b), frame: frame.sort((a, b) => a - b) };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const s = sizes();
console.log(`JS gzipped (level 9), dist/client:`);
console.log(
  `  app, loaded at start: ${kb(s.first)}   (all ${s.chunks} chunks: ${kb(s.total)}; target ≤ 60 KB)`,
);
console.log(`  service worker (sw.js): ${kb(s.worker)}`);
const t = await saveTimes();
const f = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(1)} ms  p95 ${percentile(xs, 95).toFixed(1)} ms  max ${percentile(xs, 100).toFixed(1)} ms`;
console.log(`save → brew in the list, ${t.dom.length} saves (Chromium, 390×844, touch):`);
console.log(`  in the DOM:      ${f(t.dom)}   (target p95 ≤ 16 ms)`);
console.log(`  next frame:      ${f(t.frame)}`);
// The machine is shared: a busy one inflates every figure above.
console.log(
  `  load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} (${os.cpus().length} cores)`,
);
