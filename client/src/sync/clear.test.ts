import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createBag } from '../data/actions.js';
import { createDb } from '../data/db.js';
import { updateMeta } from '../data/meta.js';
import { listen } from './channel.js';
import { clearLocalData, clearWorkboxQueue, WORKBOX_QUEUE_DB } from './clear.js';
import { SyncEngine } from './engine.js';

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

describe('clearing a device', () => {
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

  it('leaves nothing of the account, gives a new device id, and other tabs hear of it', async () => {
    const db = createDb(`clear-${crypto.randomUUID()}`);
    await updateMeta(db, { accountId: crypto.randomUUID(), email: 'a@example.com', cursor: 'c' });
    await createBag(db, { name: 'Private' });
    const before = await db.meta.get('device');

    const otherTab = new SyncEngine({ db, transport: { baseUrl: 'http://unused', fetch } });
    await otherTab.refresh();
    expect(otherTab.status.get()).toMatchObject({ email: 'a@example.com', pending: 1 });
    const heard: string[] = [];
    const stop = listen((message) => heard.push(message.type));

    await clearLocalData(db);
    const { broadcast } = await import('./channel.js');
    broadcast({ type: 'logged-out' });
    expect(await db.bags.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    const after = await db.meta.get('device');
    expect(after).toMatchObject({ accountId: null, email: null, cursor: null });
    expect(after?.deviceId).not.toBe(before?.deviceId);
    await otherTab.refresh();
    expect(otherTab.status.get()).toMatchObject({ email: null, accountId: null, pending: 0 });
    await vi.waitFor(() => expect(heard).toEqual(['logged-out']));
    stop();
    await db.delete();
  });
});
