import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBag, updateBag } from './actions.js';
import { exportAll, importJson } from './data-io.js';
import { createDb, type DialInDb } from './db.js';
import { getBag } from './queries.js';

let opened: DialInDb[] = [];
function device(now?: () => number): DialInDb {
  const db = createDb(`data-io-${crypto.randomUUID()}`, now === undefined ? {} : { now });
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

describe('export and import', () => {
  it('creates what the device lacks, and the same file twice changes nothing', async () => {
    const source = device();
    const bagId = await createBag(source, { name: 'Guji', roaster: 'Tim Wendelboe' });
    const file = JSON.stringify(await exportAll(source));

    const target = device();
    expect(await importJson(target, file)).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      skipped: 0,
    });
    expect(await getBag(target, bagId)).toMatchObject({ name: 'Guji', roaster: 'Tim Wendelboe' });
    expect(await importJson(target, file)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
      skipped: 0,
    });
  });

  it('takes a field only where the file wrote it last: an old file undoes no newer edit', async () => {
    let now = Date.parse('2026-06-01T08:00:00Z');
    const db = device(() => now);
    const bagId = await createBag(db, { name: 'Guji', roaster: 'Tim Wendelboe' });
    const old = JSON.stringify(await exportAll(db));
    now += 60_000;
    await updateBag(db, bagId, { name: 'Guji natural' });
    const newer = JSON.stringify(await exportAll(db));

    expect((await importJson(db, old)).unchanged).toBe(1);
    expect(await getBag(db, bagId)).toMatchObject({ name: 'Guji natural' });

    const other = device(() => now - 120_000);
    await importJson(other, old);
    expect((await importJson(other, newer)).updated).toBe(1);
    expect(await getBag(other, bagId)).toMatchObject({
      name: 'Guji natural',
      roaster: 'Tim Wendelboe',
    });
  });
});
