import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { addPhoto, photosOf } from '../photos/photo-actions.js';
import { createBag, createBrew, newBrewFrom } from './actions.js';
import { createDb } from './db.js';
import { loadDraft, saveDraft } from './drafts.js';
import { allGrinders, createBrewer, createGrinder } from './gear-actions.js';
import { restoreFromHistory } from './history.js';
import { bagsWithCounts, historyEntries, outboxCounts } from './queries.js';
import { recipeFor, setRecipe } from './recipes.js';
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
    expect(await db.historyPages.count()).toBe(0);
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
    expect(await historyEntries(db)).toMatchObject([{ rowId: bagId, field: 'name', value: 'A' }]);
    expect(await db.drafts.count()).toBe(0);
    await saveDraft(db, 'log', { origin: '', values: { doseG: '18' } });
    expect((await loadDraft(db, 'log'))?.values).toEqual({ doseG: '18' });
    await db.delete();
  });

  it('upgrade a device on version 3 (before photos) in place: its rows, outbox and history stay, photos work', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = openAtVersion(name, 3);
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
    expect(old.verno).toBe(3);
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.bags.get(bagId))?.name).toBe('Version 2 bag');
    expect(await db.outbox.where('state').equals('queued').count()).toBe(1);
    expect(await historyEntries(db, { rowId: bagId })).toHaveLength(1);
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

  it('upgrade a device on version 4 (photo rows, no bytes) in place: its photo rows stay, photoBytes works', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = openAtVersion(name, 4);
    const clock = '000001764148200000-00000-devA';
    const photoId = crypto.randomUUID();
    await old.table('photos').put({
      id: photoId,
      clocks: { hash: clock },
      ownerKind: 'bag',
      ownerId: crypto.randomUUID(),
      position: 0,
      hash: 'a'.repeat(64),
      thumbHash: 'b'.repeat(64),
    });
    expect(old.verno).toBe(4);
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect((await db.photos.get(photoId))?.hash).toBe('a'.repeat(64));
    await db.photoBytes.put({
      hash: 'b'.repeat(64),
      type: 'image/jpeg',
      blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }),
      kind: 'thumb',
      upload: 'pending',
      madeHere: true,
      lastViewedAt: 1,
      size: 3,
    });
    expect(await db.photoBytes.where('upload').equals('pending').count()).toBe(1);
    expect(await db.photoBytes.where('[kind+lastViewedAt]').equals(['thumb', 1]).count()).toBe(1);
    await db.delete();
  });

  it('upgrade a device on version 5 (one history record per value) in place: each value lands in the page of its arrival, and restores', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = openAtVersion(name, 5);
    const clock = '000001764148200000-00000-devA';
    const later = '000001764148300000-00000-devB';
    const [a, b] = [crypto.randomUUID(), crypto.randomUUID()];
    await old.table('bags').put({ id: a, clocks: { name: later }, name: 'Theirs' });
    const lost = (rowId: string, field: string, value: string, at: number) => ({
      entity: 'bag',
      rowId,
      field,
      value,
      clock,
      byValue: 'Theirs',
      byClock: later,
      at,
    });
    // Two values lost in one pull (same time), one in a later pull.
    await old
      .table('history')
      .bulkAdd([
        lost(a, 'name', 'Mine', 10),
        lost(b, 'roaster', 'R', 10),
        lost(a, 'notes', 'N', 20),
      ]);
    expect(old.verno).toBe(5);
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.historyPages.count()).toBe(2);
    const all = await historyEntries(db);
    expect(all.map((e) => [e.rowId, e.field, e.value, e.at])).toEqual([
      [a, 'notes', 'N', 20],
      [a, 'name', 'Mine', 10],
      [b, 'roaster', 'R', 10],
    ]);
    expect((await historyEntries(db, { rowId: b })).map((e) => e.field)).toEqual(['roaster']);
    const name0 = all.find((e) => e.field === 'name');
    if (name0 === undefined) throw new Error('the name entry');
    await restoreFromHistory(db, name0.id);
    expect((await db.bags.get(a))?.name).toBe('Mine');
    await db.delete();
  });

  it('upgrade a device on version 6 (before recipes) in place: its bags get the new fields as unset, targets work', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = openAtVersion(name, 6);
    const clock = '000001764148200000-00000-devA';
    const bagId = crypto.randomUUID();
    // A bag as version 6 stored it: every field of then, no region, price, rating…
    await old.table('bags').put({
      id: bagId,
      clocks: { name: clock, weightG: clock },
      name: 'Version 6 bag',
      roaster: null,
      origin: 'Ethiopia',
      process: null,
      variety: null,
      roastLevel: null,
      roastDate: '2026-11-20',
      weightG: 250,
      notes: null,
      archived: null,
      deletedAt: null,
    });
    await old.table('brews').put({
      id: crypto.randomUUID(),
      clocks: { bagId: clock, doseG: clock },
      bagId,
      method: 'espresso',
      doseG: 18,
      deletedAt: null,
      brewedAt: '2026-11-21T08:00:00.000Z',
    });
    expect(old.verno).toBe(6);
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const bag = await db.bags.get(bagId);
    expect(bag).toMatchObject({ name: 'Version 6 bag', origin: 'Ethiopia', weightG: 250 });
    for (const field of [
      'region',
      'farm',
      'openedDate',
      'price',
      'flavourNotes',
      'decaf',
      'rating',
    ]) {
      expect(bag).toHaveProperty(field, null);
    }
    expect(bag?.clocks).toEqual({ name: clock, weightG: clock });
    // Coffee left reads the upgraded rows; the new table and its index work.
    expect((await bagsWithCounts(db))[0]).toMatchObject({ usedG: 18, brewCount: 1 });
    await setRecipe(db, bagId, 'espresso', {
      doseG: 18,
      ratio: 2,
      timeMinS: 25,
      timeMaxS: 30,
      tempC: 93,
    });
    expect(await recipeFor(db, bagId, 'espresso')).toMatchObject({ doseG: 18, timeMaxS: 30 });
    await db.delete();
  });

  it('upgrade a device on version 7 (before gear) in place: its brews stay and gain unset gear, gear works', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = openAtVersion(name, 7);
    const clock = '000001764148200000-00000-devA';
    const bagId = crypto.randomUUID();
    const brewId = crypto.randomUUID();
    await old.table('bags').put({ id: bagId, clocks: { name: clock }, name: 'Version 7 bag' });
    await old.table('brews').put({
      id: brewId,
      clocks: { bagId: clock, grinder: clock },
      bagId,
      method: 'espresso',
      grinder: 'Niche Zero',
      grindSetting: '15',
      brewedAt: '2026-11-26T08:00:00.000Z',
      deletedAt: null,
    });
    expect(old.verno).toBe(7);
    old.close();

    const db = createDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    // The brew is untouched but for the two new fields, stored as unset.
    expect(await db.brews.get(brewId)).toMatchObject({
      grinder: 'Niche Zero',
      grindSetting: '15',
      grinderId: null,
      brewerId: null,
    });
    const grinderId = await createGrinder(db, {
      name: 'Niche Zero',
      scaleKind: 'numeric',
      scaleStep: 0.5,
    });
    const brewerId = await createBrewer(db, { name: 'Lelit Bianca', method: 'espresso' });
    await createBrew(db, { bagId, method: 'espresso', grindSetting: '14.5', grinderId, brewerId });
    expect((await allGrinders(db)).map((g) => g.id)).toEqual([grinderId]);
    expect(await db.brewers.count()).toBe(1);
    expect(await db.brews.where('bagId').equals(bagId).count()).toBe(2);
    await db.delete();
  });
});
