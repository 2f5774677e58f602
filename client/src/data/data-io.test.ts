import 'fake-indexeddb/auto';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createBag, createBrew, deleteBrew, updateBag } from './actions.js';
import { exportAll, exportZip, importJson, readImportFile } from './data-io.js';
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

describe('the ZIP export', () => {
  it('holds dial-in.json and a CSV per table, and re-imports into the same rows and values', async () => {
    const source = device();
    const bagId = await createBag(source, { name: 'Guji, "natural"', roaster: 'April' });
    await createBrew(source, { bagId, method: 'espresso', doseG: 18, yieldG: 36, notes: 'ok' });
    const gone = await createBrew(source, { bagId, method: 'espresso', doseG: 18 });
    await deleteBrew(source, gone);
    const { zip, bags, brews } = await exportZip(source);
    expect([bags, brews]).toEqual([1, 2]);

    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['bags.csv', 'brews.csv', 'dial-in.json']);
    const text = (name: string) => new TextDecoder().decode(files[name]);
    expect(text('bags.csv').split('\r\n')[0]).toBe(
      'id,name,roaster,origin,process,variety,roastLevel,roastDate,weightG,notes,archived,deletedAt',
    );
    expect(text('bags.csv')).toContain(`${bagId},"Guji, ""natural""",April,`);
    // Live brews only in the CSV; the tombstone travels in the JSON.
    expect(text('brews.csv').trimEnd().split('\r\n')).toHaveLength(2);

    const file = await readImportFile(zip);
    expect(file.kind).toBe('dial-in');
    const target = device();
    const first = await importJson(target, file.kind === 'dial-in' ? file.text : '');
    expect(first).toEqual({ created: 3, updated: 0, unchanged: 0, skipped: 0 });
    const strip = (doc: Awaited<ReturnType<typeof exportAll>>) =>
      [...doc.bags, ...doc.brews].map(({ clocks: _c, ...values }) => values);
    expect(strip(await exportAll(target))).toEqual(strip(await exportAll(source)));

    const again = (await readImportFile((await exportZip(source)).zip)) as { text: string };
    expect(await importJson(target, again.text)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      skipped: 0,
    });
  });

  it('reports progress in batches up to the total', async () => {
    const source = device();
    const bagId = await createBag(source, { name: 'Guji' });
    for (let i = 0; i < 30; i++) await createBrew(source, { bagId, doseG: 18 });
    const seen: [number, number][] = [];
    await importJson(device(), JSON.stringify(await exportAll(source)), (done, total) =>
      seen.push([done, total]),
    );
    expect(seen).toEqual([
      [25, 31],
      [31, 31],
    ]);
  });
});
