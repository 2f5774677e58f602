import 'fake-indexeddb/auto';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createBag, createBrew, deleteBrew, updateBag } from './actions.js';
import { exportAll, exportZip, importJson, readImportFile } from './data-io.js';
import { createDb, type DialInDb } from './db.js';
import { createBrewer, createGrinder, updateGrinder } from './gear-actions.js';
import { getBag } from './queries.js';
import { recipeFor, setRecipe } from './recipes.js';

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

describe('an export from before targets', () => {
  it('imports without a recipes list, as before', async () => {
    const source = device();
    await createBag(source, { name: 'Guji' });
    const { recipes: _none, ...old } = await exportAll(source);
    const target = device();
    expect((await importJson(target, JSON.stringify(old))).created).toBe(1);
    expect(await target.recipes.count()).toBe(0);
  });
});

describe('the ZIP export', () => {
  it('holds dial-in.json and a CSV per table, and re-imports into the same rows and values', async () => {
    const source = device();
    const bagId = await createBag(source, {
      name: 'Guji, "natural"',
      roaster: 'April',
      region: 'Guji',
      farm: 'Hambela',
      openedDate: '2026-11-30',
      price: 18.5,
      flavourNotes: 'peach, jasmine',
      decaf: false,
      rating: 4.5,
    });
    await setRecipe(source, bagId, 'espresso', {
      doseG: 18,
      ratio: 2,
      timeMinS: 25,
      timeMaxS: 30,
      tempC: 93,
    });
    const grinderId = await createGrinder(source, {
      name: 'Niche Zero',
      scaleKind: 'numeric',
      scaleStep: 0.5,
    });
    const old = await createGrinder(source, { name: 'Old hand mill', archived: true });
    const brewerId = await createBrewer(source, {
      name: 'Lelit Bianca',
      method: 'espresso',
      defaultDoseG: 18,
      defaultRatio: 2,
    });
    await createBrew(source, {
      bagId,
      method: 'espresso',
      doseG: 18,
      yieldG: 36,
      notes: 'ok',
      grinderId,
      brewerId,
    });
    const gone = await createBrew(source, { bagId, method: 'espresso', doseG: 18 });
    await deleteBrew(source, gone);
    const { zip, bags, brews } = await exportZip(source);
    expect([bags, brews]).toEqual([1, 2]);

    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual([
      'bags.csv',
      'brewers.csv',
      'brews.csv',
      'dial-in.json',
      'grinders.csv',
      'recipes.csv',
    ]);
    const text = (name: string) => new TextDecoder().decode(files[name]);
    expect(text('bags.csv').split('\r\n')[0]).toBe(
      'id,name,roaster,origin,process,variety,roastLevel,roastDate,weightG,notes,archived,deletedAt,region,farm,openedDate,price,flavourNotes,decaf,rating',
    );
    expect(text('bags.csv')).toContain(`${bagId},"Guji, ""natural""",April,`);
    expect(text('bags.csv')).toContain(',Guji,Hambela,2026-11-30,18.5,"peach, jasmine",false,4.5');
    const recipesCsv = text('recipes.csv').trimEnd().split('\r\n');
    expect(recipesCsv[0]).toBe('id,bagId,method,doseG,ratio,timeMinS,timeMaxS,tempC,deletedAt');
    expect(recipesCsv[1]).toContain(`,${bagId},espresso,18,2,25,30,93,`);
    // Live brews only in the CSV; the tombstone travels in the JSON.
    const brewLines = text('brews.csv').trimEnd().split('\r\n');
    expect(brewLines).toHaveLength(2);
    expect(brewLines[0]).toBe(
      'brewedAt,coffee,roaster,method,brewer,grinder,grindSetting,doseG,yieldG,waterG,ratio,timeS,tempC,taste,rating,notes,id',
    );
    expect(brewLines[1]).toContain(',espresso,Lelit Bianca,Niche Zero,');
    expect(text('grinders.csv').split('\r\n')[0]).toBe(
      'id,name,scaleKind,scaleStep,notes,archived,deletedAt',
    );
    expect(text('grinders.csv')).toContain(`${grinderId},Niche Zero,numeric,0.5,`);
    expect(text('grinders.csv')).toContain(`${old},Old hand mill,,,,true,`);
    expect(text('brewers.csv').split('\r\n')[0]).toBe(
      'id,name,method,defaultDoseG,defaultRatio,notes,archived,deletedAt',
    );
    expect(text('brewers.csv')).toContain(`${brewerId},Lelit Bianca,espresso,18,2,`);

    const file = await readImportFile(zip);
    expect(file.kind).toBe('dial-in');
    const target = device();
    const first = await importJson(target, file.kind === 'dial-in' ? file.text : '');
    expect(first).toEqual({ created: 7, updated: 0, unchanged: 0, skipped: 0 });
    const strip = (doc: Awaited<ReturnType<typeof exportAll>>) =>
      [...doc.bags, ...doc.brews, ...doc.recipes, ...doc.grinders, ...doc.brewers].map(
        ({ clocks: _c, ...values }) => values,
      );
    expect(strip(await exportAll(target))).toEqual(strip(await exportAll(source)));
    expect(await getBag(target, bagId)).toMatchObject({
      flavourNotes: 'peach, jasmine',
      rating: 4.5,
    });
    expect(await recipeFor(target, bagId, 'espresso')).toMatchObject({ timeMinS: 25, tempC: 93 });
    const imported = (await target.brews.toArray()).find((b) => b.grinderId === grinderId);
    expect(imported?.brewerId).toBe(brewerId);

    await updateGrinder(source, grinderId, { scaleStep: 1 });
    const again = (await readImportFile((await exportZip(source)).zip)) as { text: string };
    expect(await importJson(target, again.text)).toEqual({
      created: 0,
      updated: 1,
      unchanged: 6,
      skipped: 0,
    });
    expect((await target.grinders.get(grinderId))?.scaleStep).toBe(1);
  });

  it('reads an export made before gear existed (no grinders or brewers lists)', async () => {
    const source = device();
    await createBag(source, { name: 'Guji' });
    const { grinders: _g, brewers: _b, ...before } = await exportAll(source);
    expect(await importJson(device(), JSON.stringify(before))).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
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
