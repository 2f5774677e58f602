import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { createBag } from '../data/actions.js';
import { createDb } from '../data/db.js';
import { updateMeta } from '../data/meta.js';
import { listen } from '../sync/channel.js';
import { SyncEngine } from '../sync/engine.js';
import { clearLocalData } from './clear.js';

describe('clearing a device', () => {
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
    const { broadcast } = await import('../sync/channel.js');
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
