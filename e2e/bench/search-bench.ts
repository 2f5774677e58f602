/**
 * `npm run bench:search` — issue 14's search and statistics figures, in Debian's Chromium
 * against the built app (`npm run build` first) served by the real server, at the phone
 * viewport, with BENCH_SEARCH_BREWS brews (10,000; 100,000 for issue 16 §4) over
 * BENCH_SEARCH_BAGS bags (300) written into IndexedDB (search-seed.ts):
 *
 *  1. Per keystroke: a query typed letter by letter into History's real search box; from the
 *     key going down (keydown, capture phase) to the results in the DOM, and to the frame
 *     after (requestAnimationFrame, then a task). Median, p95 and max over every letter of
 *     every round. Target ≤ 50 ms per keystroke at 10,000 brews.
 *  2. The floor: the same query's prefixes run in the same page as a bare loop over the
 *     brews' prepared lower-case strings, nothing drawn.
 *  3. Screen times, from the hash change to the screen drawn with its data (the frame after):
 *     History's search (reads every brew, builds the index), the statistics screen (reads
 *     every brew, every chart), and the brew list after a reload.
 *
 * Prints figures and the load average; asserts nothing but that the answers are there.
 * CI smoke: BENCH_SEARCH_BREWS=300 BENCH_SEARCH_BAGS=10 BENCH_SEARCH_ROUNDS=1 npm run bench:search
 */
import os from 'node:os';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { PHONE } from '../support/device.js';
import { startServer } from '../support/server.js';
import { seedIndexedDb } from './search-seed.js';

const BREWS = Number(process.env.BENCH_SEARCH_BREWS ?? 10_000);
const BAGS = Number(process.env.BENCH_SEARCH_BAGS ?? 300);
const ROUNDS = Number(process.env.BENCH_SEARCH_ROUNDS ?? 3);
/** Words of the seeded vocabulary and bag names: a query that narrows as it is typed. */
const QUERIES = ['chocolate', 'kenya jasmine', 'creme'];

function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? Number.NaN;
}
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${percentile(s, 50).toFixed(1)} ms  p95 ${percentile(s, 95).toFixed(1)} ms  max ${percentile(s, 100).toFixed(1)} ms  (n=${s.length})`;
};

/** Types one letter into the focused search box; resolves with [to DOM, to the next frame]. */
async function timedKey(page: Page, key: string): Promise<[number, number]> {
  await page.evaluate(() => {
    const w = window as unknown as { benchKey: Promise<[number, number]> };
    w.benchKey = new Promise((resolve) => {
      let t0 = 0;
      document.addEventListener(
        'keydown',
        () => {
          t0 = performance.now();
        },
        { capture: true, once: true },
      );
      // Bubbling to the document comes after the box's own handler set the filter; Preact
      // renders in a microtask queued by it, so this microtask runs after the render.
      document.addEventListener(
        'input',
        () =>
          queueMicrotask(() => {
            const dom = performance.now() - t0;
            requestAnimationFrame(() => setTimeout(() => resolve([dom, performance.now() - t0])));
          }),
        { once: true },
      );
    });
  });
  await page.keyboard.press(key === ' ' ? 'Space' : key);
  return page.evaluate(
    () => (window as unknown as { benchKey: Promise<[number, number]> }).benchKey,
  );
}

/** From a hash change to `selector` in the DOM holding `text`, and the frame after. */
function timedScreen(page: Page, hash: string, selector: string, text = ''): Promise<number> {
  return page.evaluate(
    ({ hash, selector, text }) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(selector)?.textContent?.includes(text)) return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        location.hash = hash;
      }),
    { hash, selector, text },
  );
}

/** A fresh page at the brew list; resolves with navigation start → the first brew row. */
async function reloadToList(page: Page): Promise<number> {
  // A goto that changes only the hash is a same-document navigation: reload for a fresh page.
  await page.evaluate(() => {
    location.hash = '#/';
  });
  await page.reload();
  await page.locator('.brew-item').first().waitFor();
  return page.evaluate(() => (window as unknown as { firstRowAt: number }).firstRowAt);
}

/** The floor: each prefix of each query as a bare loop over prepared strings, in the page. */
function floor(page: Page): Promise<number[]> {
  return page.evaluate(async (queries) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('dial-in');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve) => {
        const req = db.transaction(store).objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
      });
    type Row = { bagId: string; notes: string | null; name: string; roaster: string | null };
    const bags = new Map((await all<Row & { id: string }>('bags')).map((b) => [b.id, b]));
    const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const text = (await all<Row>('brews')).map((b) => {
      const bag = bags.get(b.bagId);
      return fold(`${b.notes ?? ''}\n${bag?.name ?? ''}\n${bag?.roaster ?? ''}`);
    });
    db.close();
    const times: number[] = [];
    for (const q of queries) {
      for (let n = 1; n <= q.length; n++) {
        const words = fold(q.slice(0, n)).split(/\s+/).filter(Boolean);
        const t0 = performance.now();
        let hits = 0;
        for (const t of text) if (words.every((w) => t.includes(w))) hits++;
        times.push(performance.now() - t0);
        if (hits < 0) throw new Error('unreachable');
      }
    }
    return times;
  }, QUERIES);
}

const server = await startServer();
const browser = await chromium.launch(chromiumLaunchOptions);
try {
  const context = await browser.newContext({ ...PHONE, baseURL: server.url });
  // tsx compiles with esbuild's keepNames, which wraps the functions declared inside the
  // page.evaluate callbacks in a `__name(…)` helper the page does not have: give it one.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  // The first brew row's time after each navigation, for the brew list's figure.
  await context.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.brew-item')) return;
      (window as unknown as { firstRowAt: number }).firstRowAt = performance.now();
      observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  await page.goto('/#/');
  await page.getByRole('heading', { name: 'Brews' }).waitFor();
  const seedMs = await seedIndexedDb(page, { brews: BREWS, bags: BAGS });
  console.log(`seeded ${BREWS} brews over ${BAGS} bags into IndexedDB in ${seedMs.toFixed(0)} ms`);

  const listTimes: number[] = [];
  const searchTimes: number[] = [];
  const statsTimes: number[] = [];
  const dom: number[] = [];
  const frame: number[] = [];
  const total = `${BREWS.toLocaleString('en-US')} brews`;
  for (let round = 0; round < ROUNDS; round++) {
    // Each screen is timed on a fresh page, so it reads every brew rather than showing the
    // last answer of its live query while it reads them again.
    listTimes.push(await reloadToList(page));
    searchTimes.push(await timedScreen(page, '#/history', '[data-testid="search-count"]', total));
    const box = page.getByLabel('Search brews', { exact: true });
    for (const query of QUERIES) {
      await box.fill('');
      await box.focus();
      for (const letter of query) {
        const [d, f] = await timedKey(page, letter);
        dom.push(d);
        frame.push(f);
      }
      await page
        .getByTestId('search-count')
        .filter({ hasText: ` of ${total}` })
        .waitFor();
    }
    await box.fill('');
    await reloadToList(page);
    statsTimes.push(await timedScreen(page, '#/stats', '[data-stat="roast-age"]'));
  }
  const floorTimes = await floor(page);

  console.log(
    `\nsearch, ${BREWS} brews, Chromium 390×844, ${ROUNDS} rounds of "${QUERIES.join('", "')}":`,
  );
  console.log(`  keystroke → results in the DOM:  ${summary(dom)}`);
  console.log(`  keystroke → the frame after:     ${summary(frame)}   (target ≤ 50 ms)`);
  console.log(`  floor, a bare loop per prefix:   ${summary(floorTimes)}`);
  console.log('screens, on a fresh page: hash change → drawn with data (the frame after):');
  console.log(`  brew list, navigation → 1st row: ${summary(listTimes)}`);
  console.log(`  History search (every brew):     ${summary(searchTimes)}`);
  console.log(`  statistics (every chart):        ${summary(statsTimes)}`);
  // The machine is shared: a busy one inflates every figure above.
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (${os.cpus().length} cores)`,
  );
} finally {
  await browser.close();
  await server.stop();
}
