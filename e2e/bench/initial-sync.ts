import { expect, type Page } from '@playwright/test';
import { ROUTES } from '../../shared/protocol/routes.js';
import { TEST_PASSWORD } from '../support/api.js';

/**
 * The two sides of the initial-sync benchmark, each run in a page of the installed app (same
 * origin, same service worker, same cookie jar). Not a spec: browser-bench.ts runs them.
 */

export interface AppSync {
  /** First pull request sent → the sync pill says "Synced": a complete local database. */
  pullMs: number;
  /** The click on "Log in" → "Synced" (adds the log-in request and the empty push). */
  fromClickMs: number;
  pages: number;
  /** Sum over the pull requests of request sent → last byte (resource timing). */
  networkMs: number;
}

/**
 * The app's real initial sync: a person logs in on the Account screen of an empty device, and
 * the sync engine (client/src/sync, in the built app) pushes nothing and pulls everything.
 * The stopwatch runs in the page: the click (capture phase, before the app's handler), the pill
 * turning "Synced" (MutationObserver), and the pull requests' resource timings.
 */
export async function appInitialSync(page: Page, email: string): Promise<AppSync> {
  await page.goto('/#/account');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.locator('#a-email').fill(email);
  await page.locator('#a-password').fill(TEST_PASSWORD);
  const submit = page.locator('form').getByRole('button', { name: 'Log in' });
  await submit.evaluate((button) => {
    const w = window as unknown as { benchSynced: Promise<[number, number]> };
    w.benchSynced = new Promise((resolve) => {
      let clicked = 0;
      button.addEventListener(
        'click',
        () => {
          clicked = performance.now();
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        const pill = document.querySelector('.sync-pill')?.textContent ?? '';
        if (!clicked || !pill.startsWith('Synced')) return;
        observer.disconnect();
        resolve([clicked, performance.now()]);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  });
  await submit.click();
  const [clicked, synced] = await page.evaluate(
    () => (window as unknown as { benchSynced: Promise<[number, number]> }).benchSynced,
  );
  await expect(page.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  // The page cannot see this module's imports: the path goes in as an argument.
  const pulls = await page.evaluate(
    ({ since, pullPath }) => {
      return performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes(pullPath) && e.startTime >= since)
        .map((e) => [e.startTime, (e as PerformanceResourceTiming).responseEnd] as const);
    },
    { since: clicked, pullPath: ROUTES.sync.pull.path },
  );
  const first = pulls[0]?.[0] ?? Number.NaN;
  return {
    pullMs: synced - first,
    fromClickMs: synced - clicked,
    pages: pulls.length,
    networkMs: pulls.reduce((sum, [start, end]) => sum + (end - start), 0),
  };
}

export interface FloorSync {
  totalMs: number;
  /** Time inside fetch + JSON parse. */
  fetchMs: number;
  /** Time inside IndexedDB transactions. */
  idbMs: number;
  rows: number;
  pages: number;
}

/**
 * The physical floor: the same pull pages (same route, same page size, same cookie) with plain
 * `fetch` + `response.json()`, each page's rows `put` in one raw IndexedDB transaction (what a
 * Dexie bulkPut does, without Dexie), into stores laid out as the app's (same key paths and
 * indexes, since maintaining them is part of the job). Nothing merged, no clocks, no meta.
 */
export async function floorSync(page: Page, dbName: string, limit: number): Promise<FloorSync> {
  return page.evaluate(
    async ({ dbName, limit, pullPath }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(dbName, 1);
        open.onupgradeneeded = () => {
          open.result.createObjectStore('bags', { keyPath: 'id' });
          const brews = open.result.createObjectStore('brews', { keyPath: 'id' });
          brews.createIndex('bagId', 'bagId');
          brews.createIndex('brewedAt', 'brewedAt');
          brews.createIndex('[bagId+method]', ['bagId', 'method']);
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      type Page = { bags: unknown[]; brews: unknown[]; cursor: string; hasMore: boolean };
      let fetchMs = 0;
      let idbMs = 0;
      let rows = 0;
      let pages = 0;
      let cursor: string | null = null;
      const t0 = performance.now();
      for (;;) {
        const t1 = performance.now();
        const query = new URLSearchParams({ limit: String(limit) });
        if (cursor !== null) query.set('cursor', cursor);
        const response = await fetch(`${pullPath}?${query}`, { credentials: 'same-origin' });
        const body = (await response.json()) as Page;
        const t2 = performance.now();
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['bags', 'brews'], 'readwrite');
          const bags = tx.objectStore('bags');
          const brews = tx.objectStore('brews');
          for (const row of body.bags) bags.put(row);
          for (const row of body.brews) brews.put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        fetchMs += t2 - t1;
        idbMs += performance.now() - t2;
        rows += body.bags.length + body.brews.length;
        pages += 1;
        if (!body.hasMore) break;
        cursor = body.cursor;
      }
      const totalMs = performance.now() - t0;
      db.close();
      return { totalMs, fetchMs, idbMs, rows, pages };
    },
    // The page cannot import the route table: its path comes in as an argument.
    { dbName, limit, pullPath: ROUTES.sync.pull.path },
  );
}

/** Deletes the floor's databases, so they are not counted in the app's size. */
export async function deleteDatabases(page: Page, names: string[]): Promise<void> {
  await page.evaluate(async (list) => {
    for (const name of list) {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
    }
  }, names);
}
