import { isApiPath } from '../../../shared/protocol/routes.js';
/** Workbox background-sync's database and its store of queued requests. */
export const WORKBOX_QUEUE_DB = 'workbox-background-sync';

/**
 * Empties the Workbox queue's object stores. It is cleared, not deleted: a service worker
 * keeps the database open, so `deleteDatabase` would stay blocked until the worker stops.
 * A database that does not exist is not created.
 */
export async function clearWorkboxQueue(
  factory: IDBFactory | undefined = globalThis.indexedDB,
): Promise<void> {
  if (factory === undefined) return;
  const db = await new Promise<IDBDatabase | null>((resolve) => {
    const request = factory.open(WORKBOX_QUEUE_DB);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  if (db === null) return;
  try {
    const stores = Array.from({ length: db.objectStoreNames.length }, (_, i) =>
      db.objectStoreNames.item(i),
    ).filter((name): name is string => name !== null);
    if (stores.length === 0) return;
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite');
      for (const store of stores) tx.objectStore(store).clear();
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/**
 * Deletes API responses from Cache Storage: whole caches whose name mentions "api", and
 * API entries (isApiPath) in any other cache (the precache holds only the app shell).
 */
export async function clearApiCaches(
  storage: CacheStorage | undefined = globalThis.caches,
): Promise<void> {
  if (storage === undefined) return;
  for (const name of await storage.keys()) {
    if (/api/i.test(name)) {
      await storage.delete(name);
      continue;
    }
    const cache = await storage.open(name);
    for (const request of await cache.keys()) {
      if (isApiPath(new URL(request.url).pathname)) await cache.delete(request);
    }
  }
}
