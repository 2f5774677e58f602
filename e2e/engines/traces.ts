import type { EngineDevice } from './device.js';

/** Everything the origin keeps, as text: each IndexedDB store's rows and each cached response. */
export interface OriginTraces {
  /** `database.store` → its rows, JSON. */
  indexedDb: Record<string, string>;
  /** Cached request URL → its body (text). */
  caches: Record<string, string>;
}

/**
 * Reads every IndexedDB database and Cache Storage entry of the page's origin, in the page
 * (the same code in every engine; no driver can read them from outside). Reading opens no
 * connection the app keeps, and changes nothing.
 */
export function readOriginTraces(device: EngineDevice): Promise<OriginTraces> {
  return device.evaluate(async () => {
    const indexedDb: Record<string, string> = {};
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const all = db.transaction(store).objectStore(store).getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        });
        // Queued requests hold their bodies as ArrayBuffers: decode them so a mark is found.
        indexedDb[`${name}.${store}`] = JSON.stringify(rows, (_key, value) =>
          value instanceof ArrayBuffer ? new TextDecoder().decode(value) : value,
        );
      }
      db.close();
    }
    const caches: Record<string, string> = {};
    for (const cacheName of await self.caches.keys()) {
      const cache = await self.caches.open(cacheName);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        caches[request.url] = response ? await response.text() : '';
      }
    }
    return { indexedDb, caches };
  }, null);
}

/** Where in the traces each mark shows up, e.g. `["dial-in.brews: A's Kenya"]`. */
export function mentions(traces: OriginTraces, marks: string[]): string[] {
  const places = [
    ...Object.entries(traces.indexedDb).map(([store, text]) => [store, text] as const),
    ...Object.entries(traces.caches).map(([url, text]) => [`cache ${url}`, text] as const),
  ];
  return places.flatMap(([place, text]) =>
    marks.filter((mark) => text.includes(mark)).map((mark) => `${place}: ${mark}`),
  );
}

/** The worker's queued requests (Workbox's own database): how many wait to be sent. */
export async function queuedRequests(device: EngineDevice): Promise<number> {
  const traces = await readOriginTraces(device);
  const rows = traces.indexedDb['workbox-background-sync.requests'];
  return rows ? (JSON.parse(rows) as unknown[]).length : 0;
}
