import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { addPhoto, photosOf } from '../photos/photo-actions.js';
import { createBag, createBrew, newBrewFrom } from './actions.js';
import { createDb } from './db.js';
import { loadDraft, saveDraft } from './drafts.js';
import { outboxCounts } from './queries.js';
import { SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema.js';

/** Opens a database exactly as the app at `version` declared it. */
function openAtVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const declared of SCHEMA_VERSIONS.filter((v) => v.version <= version)) {
    const stores = db.version(declared.version).stores(declared.stores);
    if (declared.upgrade !== undefined) stores.upgrade(declared.upgrade);
  }
  return db;
}

describe('schema versions', () => {
  it('are numbered 1..N in order', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(
      Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
    );
  });

  it('upgrade a database written by version 1 through every version without losing anything', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = openAtVersion(name, 1);
    const bagId = crypto.randomUUID();
    const clock = '000001764148200000-00000-devA';
    await old.table('bags').put({ id: bagId, clocks: { name: clock }, name: 'Old bag' });
    await old.table('brews').put({
      id: crypto.randomUUID(),
      clocks: { bagId: clock, method: clock, doseG: clock },
      bagId,
      method: 'espresso',
      doseG: 17,
      deletedAt: null,
      brewedAt: '2026-11-20T08:00:00.000Z',
    });
    // Version 1 outbox entries had no state.
    await old.table('outbox').add({
      mutationId: crypto.randomUUID(),
      accountId: null,
      entity: 'bag',
      rowId: bagId,
      hlc: clock,
      patch: { name: 'Old bag' },
      previous: {},
      createdAt: 1,
    });
    expect(old.verno).toBe(1);
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.bags.get(bagId))?.name).toBe('Old bag');
    expect(await outboxCounts(db)).toEqual({ pending: 1, rejected: 0 });
    expect(await db.history.count()).toBe(0);
    // The new [bagId+method] index works on rows written before it existed.
    expect(await newBrewFrom(db, bagId, 'espresso')).toMatchObject({ doseG: 17 });
    await createBrew(db, { bagId, method: 'espresso', doseG: 18 });
    expect(await db.outbox.count()).toBe(2);
    await db.delete();
  });

  it('upgrade a device on version 2 (before drafts) intact, and drafts work', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = openAtVersion(name, 2);
    const bagId = crypto.randomUUID();
    const clock = '000001764148200000-00000-devA';
    await old.table('bags').put({ id: bagId, clocks: { name: clock }, name: 'Old bag' });
    await old.table('outbox').add({
      mutationId: crypto.randomUUID(),
      accountId: null,
      entity: 'bag',
      rowId: bagId,
      hlc: clock,
      patch: { name: 'Old bag' },
      previous: {},
      state: 'rejected',
      createdAt: 1,
    });
    await old
      .table('history')
      .add({ entity: 'bag', rowId: bagId, field: 'name', value: 'A', clock, at: 1 });
    expect(old.verno).toBe(2);
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.bags.get(bagId))?.name).toBe('Old bag');
    expect(await outboxCounts(db)).toEqual({ pending: 0, rejected: 1 });
    expect(await db.history.count()).toBe(1);
    expect(await db.drafts.count()).toBe(0);
    await saveDraft(db, 'log', { origin: '', values: { doseG: '18' } });
    expect((await loadDraft(db, 'log'))?.values).toEqual({ doseG: '18' });
    await db.delete();
  });

  it('upgrade a device on the previous version (3 → 4) in place: its rows, outbox and history stay, photos work', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = openAtVersion(name, SCHEMA_VERSION - 1);
    const bagId = crypto.randomUUID();
    const clock = '000001764148200000-00000-devA';
    await old.table('bags').put({ id: bagId, clocks: { name: clock }, name: 'Version 2 bag' });
    await old.table('outbox').add({
      mutationId: crypto.randomUUID(),
      accountId: crypto.randomUUID(),
      entity: 'bag',
      rowId: bagId,
      hlc: clock,
      patch: { name: 'Version 2 bag' },
      previous: {},
      state: 'queued',
      queuedAt: 5,
      createdAt: 1,
    });
    await old.table('history').add({
      entity: 'bag',
      rowId: bagId,
      field: 'name',
      value: 'Before',
      clock,
      byValue: 'Version 2 bag',
      byClock: clock,
      at: 2,
    });
    expect(old.verno).toBe(SCHEMA_VERSION - 1);
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.bags.get(bagId))?.name).toBe('Version 2 bag');
    expect(await db.outbox.where('state').equals('queued').count()).toBe(1);
    expect(await db.history.where('rowId').equals(bagId).count()).toBe(1);
    // The new table and its owner index work on a database that was upgraded, not created.
    const photoId = await addPhoto(db, 'bag', bagId, {
      hash: 'a'.repeat(64),
      type: 'image/jpeg',
      thumbHash: 'b'.repeat(64),
      thumbType: 'image/jpeg',
      width: 1600,
      height: 1200,
      bytes: 300_000,
    });
    expect((await photosOf(db, 'bag', bagId)).map((photo) => photo.id)).toEqual([photoId]);
    expect(await db.photos.where('hash').equals('a'.repeat(64)).count()).toBe(1);
    expect(await createBag(db, { name: 'After' })).toEqual(expect.any(String));
    await db.delete();
  });
});
