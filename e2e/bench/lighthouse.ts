/**
 * `npm run bench:lighthouse` — issue 16 §1: Lighthouse's mobile audit of the served app
 * (performance ≥ 98, SEO 100), in Debian's Chromium, against the built server on loopback.
 *
 * Lighthouse's default mobile run: a Moto G Power–sized screen, simulated slow 4G and a 4×
 * slower CPU (its "lantern" model, computed from one unthrottled load, so the score depends
 * little on how busy this machine is; the load average is printed beside it). It loads the
 * app once, cold, as a first visit: no service worker yet, nothing cached.
 *
 * BENCH_LIGHTHOUSE_RUNS (3) audits in a row, each in a fresh Chromium; prints each run's
 * category scores and key timings, the median, and every audit that did not pass in the last
 * run, so a score below target says why; BENCH_LIGHTHOUSE_REPORT=file.json keeps that run's
 * whole report (open it in the Lighthouse viewer). Asserts nothing but that the audits ran.
 * Needs the built app (`npm run build`).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../support/chromium.js';
import { startServer } from '../support/server.js';

const runs = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? '3');
if (!Number.isInteger(runs) || runs <= 0) {
  throw new Error(`BENCH_LIGHTHOUSE_RUNS must be a positive integer, got ${runs}`);
}
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TIMINGS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
] as const;

const distClient = path.resolve('dist/client');
if (!existsSync(path.join(distClient, 'index.html'))) {
  throw new Error(`${distClient} has no build: run \`npm run build\` first`);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const server = await startServer({ testHooks: false, env: { STATIC_DIR: distClient } });
const url = `${server.url}/`;
console.log(
  `lighthouse: ${url}, ${runs} run(s), load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>;
const scores = new Map<string, number[]>(CATEGORIES.map((c) => [c, []]));
let last: Result['lhr'] | undefined;
try {
  for (let run = 1; run <= runs; run += 1) {
    const chrome = await chromeLauncher.launch({
      chromePath: chromiumPath,
      chromeFlags: ['--headless=new', ...chromiumArgs],
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (result === undefined) throw new Error('Lighthouse returned no result');
      const { lhr } = result;
      if (lhr.runtimeError !== undefined) {
        throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      }
      last = lhr;
      const line = CATEGORIES.map((c) => {
        const score = Math.round((lhr.categories[c]?.score ?? 0) * 100);
        scores.get(c)?.push(score);
        return `${c} ${score}`;
      });
      const timings = TIMINGS.map(
        ([id, label]) => `${label} ${lhr.audits[id]?.displayValue ?? '?'}`,
      );
      console.log(`  run ${run}: ${line.join(', ')} | ${timings.join(', ')}`);
    } finally {
      chrome.kill();
    }
  }
} finally {
  await server.stop();
}

console.log(
  `median of ${runs}: ${CATEGORIES.map((c) => `${c} ${median(scores.get(c) ?? [])}`).join(', ')}`,
);
console.log(
  `targets (issue 16 §1): performance ≥ 98 ${median(scores.get('performance') ?? []) >= 98 ? 'met' : 'missed'}, SEO 100 ${median(scores.get('seo') ?? []) >= 100 ? 'met' : 'missed'}`,
);
if (last !== undefined) {
  const lhr = last;
  const report = process.env.BENCH_LIGHTHOUSE_REPORT;
  if (report) {
    writeFileSync(report, JSON.stringify(lhr));
    console.log(`the last run's report: ${report}`);
  }
  const failing = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
      .map((audit) =>
        `  ${c}: ${audit?.id} (${audit?.score}) ${audit?.displayValue ?? ''}`.trimEnd(),
      ),
  );
  console.log(
    failing.length === 0
      ? 'every weighted audit passed in the last run'
      : 'weighted audits below 1 in the last run:',
  );
  for (const line of failing) console.log(line);
}
