import type { BrowserContext, Page } from '@playwright/test';

/**
 * Everything a device keeps on disk, read the way a forensic look at the phone would: every
 * IndexedDB database and store of the origin, and every Cache Storage entry. The reads run in
 * a page showing /favicon.svg (same origin, served from the precache, no app code), so looking
 * triggers no sync. Not a spec: Playwright runs only *.spec.ts.
 */

export interface StoredDatabase {
  name: string;
  /** Every record of every object store, by store name. */
  stores: Record<string, unknown[]>;
}

export interface CachedEntry {
  cache: string;
  url: string;
  body: string;
}

async function withProbe<T>(context: BrowserContext, run: (probe: Page) => Promise<T>) {
  const probe = await context.newPage();
  try {
    await probe.goto('/favicon.svg');
    return await run(probe);
  } finally {
    await probe.close();
  }
}

/** Every IndexedDB database of the origin with all its records (opened without upgrading). */
export function readIndexedDb(context: BrowserContext): Promise<StoredDatabase[]> {
  return withProbe(context, (probe) =>
    probe.evaluate(async () => {
      // Queued requests keep their body as an ArrayBuffer: decode it, so it can be searched.
      const readable = (_key: string, value: unknown) => {
        if (value instanceof ArrayBuffer) return new TextDecoder().decode(value);
        if (value instanceof Blob) return '[blob]';
        return value;
      };
      const dump = (name: string) =>
        new Promise<{ name: string; stores: Record<string, unknown[]> }>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const names = Array.from(db.objectStoreNames);
            const stores: Record<string, unknown[]> = {};
            if (names.length === 0) {
              db.close();
              resolve({ name, stores });
              return;
            }
            const tx = db.transaction(names);
            for (const store of names) {
              const all = tx.objectStore(store).getAll();
              all.onsuccess = () => {
                stores[store] = (all.result as unknown[]).map(
                  (record) => JSON.parse(JSON.stringify(record, readable)) as unknown,
                );
              };
            }
            tx.oncomplete = () => {
              db.close();
              resolve({ name, stores });
            };
            tx.onerror = () => reject(tx.error);
          };
        });
      const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter(Boolean);
      return Promise.all(names.map(dump));
    }),
  );
}

/** Every Cache Storage entry of the origin, with its body as text. */
export function readCacheStorage(context: BrowserContext): Promise<CachedEntry[]> {
  return withProbe(context, (probe) =>
    probe.evaluate(async () => {
      const entries: { cache: string; url: string; body: string }[] = [];
      for (const cache of await caches.keys()) {
        const open = await caches.open(cache);
        for (const request of await open.keys()) {
          const response = await open.match(request);
          entries.push({ cache, url: request.url, body: (await response?.text()) ?? '' });
        }
      }
      return entries;
    }),
  );
}

/** Which of `needles` occur anywhere in `haystack` (serialized as JSON). */
export function mentions(haystack: unknown, needles: readonly string[]): string[] {
  const text = JSON.stringify(haystack);
  return needles.filter((needle) => text.includes(needle));
}
