import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createBag,
  createBrew,
  deleteBrew,
  logBrew,
  newBrewFrom,
  repeatBrew,
  restoreBrew,
  updateBag,
  updateBrew,
} from './actions.js';
import { createDb, type DialInDb } from './db.js';
import { MissingRowError, ValidationError } from './errors.js';
import { updateMeta } from './meta.js';
import { bagsWithCounts, brewsOfBag, outboxCounts, recentBrews } from './queries.js';

let opened: DialInDb[] = [];
function device(now?: () => number): DialInDb {
  const db = createDb(`actions-${crypto.randomUUID()}`, now === undefined ? {} : { now });
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

describe('actions', () => {
  it('write the row, its clocks and one outbox entry per action', async () => {
    const db = device();
    const bagId = await createBag(db, { name: 'Ethiopia Guji', roaster: 'Tim Wendelboe' });
    const brewId = await createBrew(db, { bagId, method: 'espresso', doseG: 18, yieldG: 36 });
    await updateBrew(db, brewId, { timeS: 28, taste: 'balanced' });

    const bag = await db.bags.get(bagId);
    expect(bag).toMatchObject({ name: 'Ethiopia Guji', roaster: 'Tim Wendelboe', origin: null });
    expect(Object.keys(bag?.clocks ?? {}).sort()).toEqual(['name', 'roaster']);
    const brew = await db.brews.get(brewId);
    expect(brew).toMatchObject({ doseG: 18, yieldG: 36, timeS: 28, taste: 'balanced' });
    expect(brew?.clocks.timeS).toBe(brew?.clocks.taste);
    expect(brew?.clocks.timeS && brew.clocks.doseG && brew.clocks.timeS > brew.clocks.doseG).toBe(
      true,
    );

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((entry) => [entry.entity, entry.rowId, entry.state])).toEqual([
      ['bag', bagId, 'pending'],
      ['brew', brewId, 'pending'],
      ['brew', brewId, 'pending'],
    ]);
    expect(outbox[2]?.patch).toEqual({ timeS: 28, taste: 'balanced' });
    expect(outbox[2]?.hlc).toBe(brew?.clocks.timeS);
    expect(outbox[0]?.accountId).toBeNull();
  });

  it('refuse invalid input with the field named, and write nothing', async () => {
    const db = device();
    const bagId = await createBag(db, { name: 'Kenya' });
    await expect(createBrew(db, { bagId, doseG: 500 })).rejects.toThrow(
      /doseG must be at most 100/,
    );
    await expect(createBag(db, { name: '  ' })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateBag(db, bagId, { name: null } as never)).rejects.toThrow(/name is required/);
    await expect(updateBag(db, bagId, { colour: 'red' } as never)).rejects.toThrow(
      /colour is not a field of bag/,
    );
    await expect(updateBrew(db, crypto.randomUUID(), { doseG: 18 })).rejects.toBeInstanceOf(
      MissingRowError,
    );
    await expect(createBrew(db, { bagId: crypto.randomUUID() })).rejects.toBeInstanceOf(
      MissingRowError,
    );
    expect(await db.brews.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });

  it('send nothing for an update that changes nothing', async () => {
    const db = device();
    const bagId = await createBag(db, { name: 'Kenya', roaster: 'A' });
    expect(await updateBag(db, bagId, { name: 'Kenya', roaster: 'A' })).toBe(false);
    expect(await updateBag(db, bagId, { name: 'Kenya', roaster: 'B' })).toBe(true);
    const entries = await db.outbox.toArray();
    expect(entries.map((entry) => entry.patch)).toEqual([
      { name: 'Kenya', roaster: 'A' },
      { roaster: 'B' },
    ]);
  });

  it('leave a never-written empty field unstamped when an edit sends it as empty', async () => {
    const db = device();
    const bagId = await createBag(db, { name: 'Kenya' });
    expect(await updateBag(db, bagId, { name: 'Kenya', roaster: null, notes: 'washed' })).toBe(
      true,
    );
    const entries = await db.outbox.toArray();
    expect(entries.map((entry) => entry.patch)).toEqual([{ name: 'Kenya' }, { notes: 'washed' }]);
    expect(Object.keys((await db.bags.get(bagId))?.clocks ?? {}).sort()).toEqual(['name', 'notes']);
  });

  it('keep clocks increasing even when the device clock goes backwards', async () => {
    let wall = 1_800_000_000_000;
    const db = device(() => wall);
    const bagId = await createBag(db, { name: 'A' });
    wall -= 3_600_000;
    await updateBag(db, bagId, { name: 'B' });
    const [first, second] = await db.outbox.orderBy('seq').toArray();
    expect(second?.hlc && first?.hlc && second.hlc > first.hlc).toBe(true);
  });

  it('log a brew: the row shown before the write is the row stored, brewedAt server-corrected', async () => {
    const wall = 1_800_000_000_000;
    const db = device(() => wall);
    const bagId = await createBag(db, { name: 'Kenya' });
    const meta = await updateMeta(db, { clockOffsetMs: 90_000 });
    const { brew, saved } = logBrew(db, { bagId, method: 'espresso', doseG: 18 }, meta);
    expect(brew.brewedAt).toBe(new Date(wall + 90_000).toISOString());
    expect(brew).toMatchObject({ bagId, doseG: 18, yieldG: null, deletedAt: null, clocks: {} });
    expect(await saved).toBe(brew.id);
    const { clocks, ...stored } = (await db.brews.get(brew.id)) ?? { clocks: {} };
    const { clocks: _none, ...shown } = brew;
    expect(stored).toEqual(shown);
    expect(Object.keys(clocks).sort()).toEqual(['bagId', 'brewedAt', 'doseG', 'method']);

    // Without a meta record read yet, the device clock; a refused write rejects `saved`.
    const plain = logBrew(db, { bagId }, undefined);
    expect(plain.brew.brewedAt).toBe(new Date(wall).toISOString());
    await plain.saved;
    const refused = logBrew(db, { bagId, doseG: 500 }, meta);
    await expect(refused.saved).rejects.toBeInstanceOf(ValidationError);
    expect(await db.brews.get(refused.brew.id)).toBeUndefined();
  });

  it('prefill a new brew from the last brew of that bag and method', async () => {
    const db = device();
    const bagId = await createBag(db, { name: 'Brazil' });
    expect(await newBrewFrom(db, bagId, 'espresso')).toEqual({ bagId, method: 'espresso' });
    await createBrew(db, {
      bagId,
      method: 'espresso',
      grindSetting: '2.4',
      doseG: 18,
      yieldG: 36,
      taste: 'sour',
      brewedAt: '2026-11-26T08:00:00.000Z',
    });
    await createBrew(db, {
      bagId,
      method: 'espresso',
      grindSetting: '2.3',
      doseG: 18.5,
      yieldG: 40,
      rating: 4,
      brewedAt: '2026-11-26T09:00:00.000Z',
    });
    await createBrew(db, { bagId, method: 'pour_over', doseG: 15, waterG: 250 });
    // A newer brew with no recipe (an empty one, or only a verdict) is not the source.
    await createBrew(db, {
      bagId,
      method: 'espresso',
      taste: 'bitter',
      brewedAt: '2026-11-26T10:00:00.000Z',
    });
    expect(await newBrewFrom(db, bagId, 'espresso')).toEqual({
      bagId,
      method: 'espresso',
      grindSetting: '2.3',
      doseG: 18.5,
      yieldG: 40,
    });
  });

  it('repeat one brew: its bag, method and recipe, not its verdict', async () => {
    const db = device();
    const bagId = await createBag(db, { name: 'Brazil' });
    const tapped = await createBrew(db, {
      bagId,
      method: 'espresso',
      grinder: 'Niche',
      grindSetting: '15',
      doseG: 18,
      yieldG: 36,
      tempC: 93,
      timeS: 28,
      taste: 'balanced',
      rating: 4,
      notes: 'good',
      brewedAt: '2026-11-24T08:00:00.000Z',
    });
    await createBrew(db, {
      bagId,
      method: 'espresso',
      doseG: 20,
      brewedAt: '2026-11-26T08:00:00.000Z',
    });
    expect(await repeatBrew(db, tapped)).toEqual({
      bagId,
      method: 'espresso',
      grinder: 'Niche',
      grindSetting: '15',
      doseG: 18,
      yieldG: 36,
      tempC: 93,
    });
    await deleteBrew(db, tapped);
    expect(await repeatBrew(db, tapped)).toBeUndefined();
    expect(await repeatBrew(db, 'no-such-brew')).toBeUndefined();
  });

  it('list brews newest first, per bag, and bags with their brew counts', async () => {
    const db = device();
    const a = await createBag(db, { name: 'B bag' });
    const b = await createBag(db, { name: 'A bag' });
    const older = await createBrew(db, { bagId: a, brewedAt: '2026-11-25T08:00:00.000Z' });
    const newer = await createBrew(db, { bagId: a, brewedAt: '2026-11-26T08:00:00.000Z' });
    const other = await createBrew(db, { bagId: b, brewedAt: '2026-11-24T08:00:00.000Z' });
    await deleteBrew(db, other);

    const recent = await recentBrews(db);
    expect(recent.map((brew) => brew.id)).toEqual([newer, older]);
    expect(recent[0]?.bag?.name).toBe('B bag');
    expect(recent[0]?.unsynced).toBe(true);
    expect((await brewsOfBag(db, a)).map((brew) => brew.id)).toEqual([newer, older]);
    const bags = await bagsWithCounts(db);
    expect(bags.map((bag) => [bag.name, bag.brewCount, bag.lastBrewedAt])).toEqual([
      ['A bag', 0, null],
      ['B bag', 2, '2026-11-26T08:00:00.000Z'],
    ]);
    await restoreBrew(db, other);
    expect((await bagsWithCounts(db)).map((bag) => [bag.brewCount, bag.lastBrewedAt])).toEqual([
      [1, '2026-11-24T08:00:00.000Z'],
      [2, '2026-11-26T08:00:00.000Z'],
    ]);
    // The last brew is the newest one not deleted.
    await deleteBrew(db, newer);
    expect((await bagsWithCounts(db)).map((bag) => [bag.brewCount, bag.lastBrewedAt])).toEqual([
      [1, '2026-11-24T08:00:00.000Z'],
      [1, '2026-11-25T08:00:00.000Z'],
    ]);
    await restoreBrew(db, newer);
    expect(await outboxCounts(db)).toEqual({ pending: 9, rejected: 0 });
  });
});
