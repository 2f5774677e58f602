import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBag, updateBag } from './actions.js';
import { createDb, type DialInDb } from './db.js';
import { updateMeta } from './meta.js';
import {
  ackOutbox,
  discardRejected,
  markQueued,
  QUEUED_HOLD_MS,
  rejectOutbox,
  restampOutbox,
  retryRejected,
  sendableEntries,
} from './outbox.js';
import { outboxCounts, rejectedEntries } from './queries.js';

let db: DialInDb;
afterEach(async () => {
  await db.delete();
});
const accountId = '5b4a3e4e-2d0c-4c8e-9d0a-0d6a1f5f7a10';
const error = {
  statusCode: 400,
  code: 'validation_failed',
  message: 'name is too long',
} as never;

describe('outbox', () => {
  it('acks, rejects, queues and retries entries by mutation id', async () => {
    let wall = 1_800_000_000_000;
    db = createDb(`outbox-${crypto.randomUUID()}`, { now: () => wall });
    await updateMeta(db, { accountId });
    const bagId = await createBag(db, { name: 'A' });
    await updateBag(db, bagId, { name: 'B' });
    await updateBag(db, bagId, { name: 'C' });
    const [first, second, third] = await db.outbox.orderBy('seq').toArray();
    if (!first || !second || !third) throw new Error('three entries expected');

    await ackOutbox(db, [first.mutationId]);
    await rejectOutbox(db, [second.mutationId], error);
    await markQueued(db, [third.mutationId]);
    expect(await outboxCounts(db)).toEqual({ pending: 1, rejected: 1 });
    expect((await rejectedEntries(db))[0]?.error).toEqual(error);
    // Queued entries are left to the service worker for a while, then resent by the page.
    expect(await sendableEntries(db, accountId, 10)).toEqual([]);
    wall += QUEUED_HOLD_MS;
    expect((await sendableEntries(db, accountId, 10)).map((e) => e.mutationId)).toEqual([
      third.mutationId,
    ]);
    // Another account never gets these.
    expect(await sendableEntries(db, crypto.randomUUID(), 10)).toEqual([]);

    await retryRejected(db);
    expect(await outboxCounts(db)).toEqual({ pending: 2, rejected: 0 });
  });

  it('discarding a rejected write restores the previous value and clock', async () => {
    db = createDb(`outbox-${crypto.randomUUID()}`);
    const bagId = await createBag(db, { name: 'A' });
    const before = await db.bags.get(bagId);
    await updateBag(db, bagId, { name: 'B', roaster: 'R' });
    const entry = await db.outbox.orderBy('seq').last();
    if (!entry) throw new Error('entry expected');
    await rejectOutbox(db, [entry.mutationId], error);
    await discardRejected(db, entry.mutationId);
    const after = await db.bags.get(bagId);
    expect(after).toEqual(before);
    expect(await db.outbox.count()).toBe(1);
  });

  it('re-stamps pending entries and the row clocks from a reset clock', async () => {
    let wall = 1_800_000_000_000 + 24 * 3_600_000;
    db = createDb(`outbox-${crypto.randomUUID()}`, { now: () => wall });
    await updateMeta(db, { accountId });
    const bagId = await createBag(db, { name: 'A', roaster: 'R' });
    await updateBag(db, bagId, { name: 'B' });
    const oldEntries = await db.outbox.orderBy('seq').toArray();
    wall -= 24 * 3_600_000;
    expect(await restampOutbox(db, accountId)).toBe(2);
    const entries = await db.outbox.orderBy('seq').toArray();
    const row = await db.bags.get(bagId);
    expect(entries[0]?.hlc.startsWith(String(wall).padStart(15, '0'))).toBe(true);
    expect(entries[0]?.hlc && entries[1]?.hlc && entries[0].hlc < entries[1].hlc).toBe(true);
    expect(entries[0]?.mutationId).not.toBe(oldEntries[0]?.mutationId);
    expect(row?.clocks).toEqual({ name: entries[1]?.hlc, roaster: entries[0]?.hlc });
    expect(entries[1]?.previous.name?.clock).toBe(entries[0]?.hlc);
  });
});
