import type { BrowserContext } from '@playwright/test';
import type { ApiClient } from '../support/api.js';
import { launchDevice } from '../support/device.js';
import { openControlledApp } from '../support/pwa.js';
import { appInitialSync } from './initial-sync.js';

/**
 * Issue 13's "initial sync of 1,000 photos' thumbnails next to the same sync without photos":
 * each run is a new phone (a fresh Chromium profile, 390×844) that opens the built app, logs in
 * on the Account screen and lets the app's sync engine pull every row and then download every
 * thumbnail (client/src/sync/engine.ts, photos/thumbnail-download.ts), timed in the page from
 * the Log in click to the pill saying "Synced" (initial-sync.ts appInitialSync; the pill says
 * so only once the thumbnails are stored and the download bar is gone). Then the device's
 * IndexedDB is read, to say whether every row and thumbnail arrived. Not a spec:
 * photo-bench.ts runs it.
 */

export interface SyncRun {
  photos: boolean;
  /** The Log in click → "Synced". */
  fromClickMs: number;
  /** The first pull request → "Synced". */
  pullMs: number;
  pages: number;
  /** The first thumbnail request sent → the last one's last byte (resource timing). */
  thumbnailsMs: number;
  thumbnailRequests: number;
  /** The thumbnail requests' own durations (sent → last byte), summed. */
  thumbnailsInFlightMs: number;
  local: LocalCounts;
}

export interface LocalCounts {
  bags: number;
  brews: number;
  photos: number;
  /** Stored images and the sum of their sizes. */
  images: number;
  imageBytes: number;
}

/** Counts what the app's database holds, from a page of the origin that runs no app code. */
async function localCounts(context: BrowserContext): Promise<LocalCounts> {
  const probe = await context.newPage();
  try {
    await probe.goto('/favicon.svg');
    return (await probe.evaluate(`new Promise((resolve, reject) => {
      const open = indexedDB.open('dial-in');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const tx = db.transaction(['bags', 'brews', 'photos', 'photoBytes']);
        const out = { bags: 0, brews: 0, photos: 0, images: 0, imageBytes: 0 };
        for (const name of ['bags', 'brews', 'photos']) {
          const count = tx.objectStore(name).count();
          count.onsuccess = () => { out[name] = count.result; };
        }
        const bytes = tx.objectStore('photoBytes').getAll();
        bytes.onsuccess = () => {
          out.images = bytes.result.length;
          out.imageBytes = bytes.result.reduce((sum, record) => sum + record.size, 0);
        };
        tx.oncomplete = () => { db.close(); resolve(out); };
        tx.onerror = () => reject(tx.error);
      };
    })`)) as LocalCounts;
  } finally {
    await probe.close();
  }
}

/** One new phone logging in to `email` and syncing everything. */
export async function photoSyncRun(
  serverUrl: string,
  email: string,
  photos: boolean,
): Promise<SyncRun> {
  const device = await launchDevice(serverUrl);
  try {
    // The default buffer keeps 250 entries: a thousand thumbnail requests would fall out of it.
    await device.context.addInitScript({
      content: 'performance.setResourceTimingBufferSize(100000);',
    });
    const { page } = device;
    await openControlledApp(page);
    const sync = await appInitialSync(page, email);
    const thumbs = (await page.evaluate(`performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/photos/'))
      .map((e) => [e.startTime, e.responseEnd])`)) as [number, number][];
    const first = Math.min(...thumbs.map(([start]) => start));
    const last = Math.max(...thumbs.map(([, end]) => end));
    return {
      photos,
      fromClickMs: sync.fromClickMs,
      pullMs: sync.pullMs,
      pages: sync.pages,
      thumbnailsMs: thumbs.length === 0 ? 0 : last - first,
      thumbnailRequests: thumbs.length,
      thumbnailsInFlightMs: thumbs.reduce((sum, [start, end]) => sum + (end - start), 0),
      local: await localCounts(device.context),
    };
  } finally {
    await device.close();
  }
}

/**
 * `rounds` rounds of both accounts, the order flipped every round (without then with, with
 * then without…), so neither always meets the server right after the other.
 */
export async function photoSyncRounds(
  serverUrl: string,
  emails: { withPhotos: string; without: string },
  rounds: number,
): Promise<SyncRun[]> {
  const runs: SyncRun[] = [];
  for (let i = 0; i < rounds; i++) {
    const order = i % 2 === 0 ? [false, true] : [true, false];
    for (const photos of order) {
      runs.push(await photoSyncRun(serverUrl, photos ? emails.withPhotos : emails.without, photos));
    }
  }
  return runs;
}

/** As many at once as thumbnail-download.ts's PARALLEL_DOWNLOADS. */
export const PARALLEL_DOWNLOADS = 6;

/**
 * The server alone: the same thumbnail GETs from Node (no browser, no IndexedDB), six at a
 * time as the app sends them, on an ApiClient signed in to the account. The wall-clock ms.
 */
export async function serverAloneMs(api: ApiClient, hashes: string[]): Promise<number> {
  const queue = [...hashes];
  const t0 = performance.now();
  const worker = async () => {
    for (let hash = queue.shift(); hash !== undefined; hash = queue.shift()) {
      const { status } = await api.photoBytes(hash);
      if (status !== 200) throw new Error(`thumbnail ${hash} answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, worker));
  return performance.now() - t0;
}
