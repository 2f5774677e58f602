import { isApiPath } from '../../../shared/protocol/routes.js';
import type { DialInDb } from '../data/db.js';
import { newMeta } from '../data/meta.js';

/** Workbox background-sync's database and its store of queued requests. */
export const WORKBOX_QUEUE_DB = 'workbox-background-sync';

/**
 * Empties every local table and starts a fresh anonymous identity with a NEW device id, in
 * one transaction (nothing of the previous account survives a crash half-way). Only the
 * measured offset to the server's clock is kept: it describes the device, not the account.
 */
export async function clearLocalData(db: DialInDb): Promise<void> {
  await db.transaction('rw', [db.bags, db.brews, db.outbox, db.meta, db.history], async () => {
    const old = await db.meta.get('device');
    await Promise.all([
      db.bags.clear(),
      db.brews.clear(),
      db.outbox.clear(),
      db.meta.clear(),
      db.history.clear(),
    ]);
    await db.meta.put({
      ...newMeta(),
      clockOffsetMs: old?.clockOffsetMs ?? 0,
      clockOffsetRttMs: old?.clockOffsetRttMs ?? null,
    });
  });
}

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
