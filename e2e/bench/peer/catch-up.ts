import { expect, type Page } from '@playwright/test';
import { ROUTES } from '../../../shared/protocol/routes.js';

/**
 * The daily case of `npm run bench:peer`: a device that holds everything pulls the rows another
 * device changed since. Ours through the app's sync engine, the floor with plain fetch + put
 * into the floor's database that initial-sync.ts filled. Not a spec: peer-bench.ts runs these.
 */

export interface AppCatchUp {
  /** First pull request after the click → the sync state back to "Up to date". */
  pullMs: number;
  /** The click on "Sync now" → "Up to date" (adds the engine's push step, empty here). */
  fromClickMs: number;
  pages: number;
}

/**
 * `change` writes the rows on the server (another device's push); then "Sync now" on the
 * Account screen, where appInitialSync left the page, pulls them. The stopwatch runs in the
 * page as in appInitialSync. If the engine pulled by itself (its interval, a focus) between
 * the change and the click, the figure would time an empty pull: then the answer is null.
 */
export async function appCatchUp(
  page: Page,
  change: () => Promise<void>,
): Promise<AppCatchUp | null> {
  const state = page.getByTestId('sync-state');
  await expect(state).toHaveText('Up to date');
  // The buffer holds 250 entries and then records nothing more: an initial sync of 50,000 rows
  // (101 pages, and the app's own files) fills it, and the catch-up's pull would go unseen.
  const changedAt = await page.evaluate(() => {
    performance.clearResourceTimings();
    return performance.now();
  });
  await change();
  const button = page.getByRole('button', { name: 'Sync now' });
  await button.evaluate((element) => {
    const w = window as unknown as { benchCaughtUp: Promise<[number, number]> };
    w.benchCaughtUp = new Promise((resolve, reject) => {
      let clicked = 0;
      let syncing = false;
      element.addEventListener(
        'click',
        () => {
          clicked = performance.now();
        },
        { capture: true, once: true },
      );
      const observer = new MutationObserver(() => {
        if (!clicked) return;
        const text = document.querySelector('[data-testid="sync-state"]')?.textContent ?? '';
        if (text === 'Syncing…') syncing = true;
        else if (text !== 'Up to date') {
          // Offline, or the engine's error state (in whatever words the screen gives it).
          observer.disconnect();
          reject(new Error(`the catch-up sync ended as "${text}"`));
        }
        if (!syncing || text !== 'Up to date') return;
        observer.disconnect();
        resolve([clicked, performance.now()]);
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
  });
  await button.click();
  const [clicked, done] = await page.evaluate(
    () => (window as unknown as { benchCaughtUp: Promise<[number, number]> }).benchCaughtUp,
  );
  // The page cannot see this module's imports: the path goes in as an argument.
  const starts = await page.evaluate(
    ({ since, pullPath }) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes(pullPath) && e.startTime >= since)
        .map((e) => e.startTime),
    { since: changedAt, pullPath: ROUTES.sync.pull.path },
  );
  if (starts.some((start) => start < clicked)) return null;
  const first = starts[0];
  if (first === undefined) throw new Error('the catch-up made no pull request the page recorded');
  return { pullMs: done - first, fromClickMs: done - clicked, pages: starts.length };
}

export interface FloorCatchUp {
  totalMs: number;
  rows: number;
  pages: number;
}

/**
 * The floor's catch-up: the pull pages after `cursor` (where the floor's initial sync ended)
 * fetched and `put` into the floor database `dbName`, which must exist — the same raw path
 * as floorSync, so the difference to ours is the merge the floor skips.
 */
export async function floorCatchUp(
  page: Page,
  dbName: string,
  cursor: string,
  limit: number,
): Promise<FloorCatchUp> {
  return page.evaluate(
    async ({ dbName, cursor: from, limit, pullPath }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(dbName, 1);
        open.onupgradeneeded = () => {
          open.transaction?.abort();
          reject(new Error(`no floor database ${dbName} to catch up`));
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      type Page = { bags: unknown[]; brews: unknown[]; cursor: string; hasMore: boolean };
      let rows = 0;
      let pages = 0;
      let cursor = from;
      const t0 = performance.now();
      for (;;) {
        const query = new URLSearchParams({ limit: String(limit), cursor });
        const response = await fetch(`${pullPath}?${query}`, { credentials: 'same-origin' });
        const body = (await response.json()) as Page;
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['bags', 'brews'], 'readwrite');
          const bags = tx.objectStore('bags');
          const brews = tx.objectStore('brews');
          for (const row of body.bags) bags.put(row);
          for (const row of body.brews) brews.put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        rows += body.bags.length + body.brews.length;
        pages += 1;
        if (!body.hasMore) break;
        cursor = body.cursor;
      }
      const totalMs = performance.now() - t0;
      db.close();
      return { totalMs, rows, pages };
    },
    { dbName, cursor, limit, pullPath: ROUTES.sync.pull.path },
  );
}
