import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearWorkboxQueue, WORKBOX_QUEUE_DB } from './clear-caches.js';

function openRaw(name: string, version?: number, stores: string[] = []): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onupgradeneeded = () => {
      for (const store of stores) request.result.createObjectStore(store, { autoIncrement: true });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function count(db: IDBDatabase, store: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(store).objectStore(store).count();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

describe("clearing the worker's stores", () => {
  it('empties the Workbox queue while its database stays open, and creates none', async () => {
    await clearWorkboxQueue();
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(WORKBOX_QUEUE_DB);

    // As Workbox 7 lays it out; the service worker keeps its connection open.
    const workbox = await openRaw(WORKBOX_QUEUE_DB, 3, ['requests']);
    await new Promise<void>((resolve) => {
      const tx = workbox.transaction('requests', 'readwrite');
      tx.objectStore('requests').add({ queueName: 'dial-in-push', requestData: {} });
      tx.oncomplete = () => resolve();
    });
    expect(await count(workbox, 'requests')).toBe(1);
    await clearWorkboxQueue();
    expect(await count(workbox, 'requests')).toBe(0);
    workbox.close();
  });
});
