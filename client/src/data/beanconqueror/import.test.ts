import 'fake-indexeddb/auto';
import { strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureFiles } from '../../../test-support/beanconqueror-fixture.js';
import { readImportFile } from '../data-io.js';
import { createDb, type DialInDb } from '../db.js';
import type { BeanconquerorExport } from './format.js';
import { importedId } from './ids.js';
import { importBeanconqueror, UNKNOWN_COFFEE } from './import.js';
import { reportText } from './report.js';

let opened: DialInDb[] = [];
function device(): DialInDb {
  const db = createDb(`bc-import-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

const NOW = Date.parse('2026-12-01T12:00:00Z');

function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([n, t]) => [n, strToU8(t)])));
}

async function readBc(bytes: Uint8Array): Promise<BeanconquerorExport> {
  const file = await readImportFile(bytes);
  if (file.kind !== 'beanconqueror') throw new Error(`read as ${file.kind}`);
  return file.data;
}

describe('Beanconqueror import', () => {
  it('reads a chunked ZIP: the main file and every Beans_N / Brews_N chunk', async () => {
    const files = fixtureFiles({ brews: 6, chunkSize: 2 });
    expect(Object.keys(files)).toContain('Beanconqueror_Beans_1.json');
    expect(Object.keys(files)).toContain('Beanconqueror_Brews_4.json');
    const data = await readBc(zipOf(files));
    expect(data.beans).toHaveLength(3);
    expect(data.brews).toHaveLength(9);
    expect(data.mills).toHaveLength(4);
    expect(data.preparations).toHaveLength(7);
  });

  it('reads a bare Beanconqueror.json the same way', async () => {
    const files = fixtureFiles({ brews: 6 });
    const data = await readBc(strToU8(files['Beanconqueror.json'] as string));
    expect(data.brews).toHaveLength(9);
    expect(data.chunks).toBe(0);
  });

  it('imports beans as bags, mills as grinders, preparations as brewers and brews as brews through the outbox, and reports', async () => {
    const db = device();
    const data = await readBc(zipOf(fixtureFiles({ brews: 6, chunkSize: 2 })));
    const seen: number[] = [];
    const report = await importBeanconqueror(db, data, (done) => seen.push(done), NOW);

    // 3 beans + the bag for the brew whose bean is missing.
    expect(report.bags).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(report.brews).toEqual({ created: 9, updated: 0, unchanged: 0 });
    expect(report.grinders).toEqual({ created: 4, updated: 0, unchanged: 0 });
    expect(report.brewers).toEqual({ created: 7, updated: 0, unchanged: 0 });
    expect(await db.bags.count()).toBe(4);
    expect(await db.brews.count()).toBe(9);
    expect(await db.grinders.count()).toBe(4);
    expect(await db.brewers.count()).toBe(7);
    // Every row was written with its outbox entry, so it syncs like any write.
    expect(await db.outbox.count()).toBe(24);
    // Progress counts beans and brews (gear is a handful of rows, written first).
    expect(seen.at(-1)).toBe(12);
    expect(report.brewsWithoutBean).toBe(1);
    expect(report.attachments).toBe(3);
    expect(report.skipped).toEqual([]);
    expect(Object.fromEntries(report.dropped)).toEqual({
      'bag weightG must be at most 5000': 1,
      'brew doseG must be at most 100': 1,
      'brew tempC must be at most 100': 1,
      'brew rating must be at most 5': 1,
      'brew waterG is in OZ, not grams': 1,
    });
    // The bean fields that now have a home on the bag are not kept for later any more.
    for (const mapped of ['openDate', 'cost', 'rating', 'aromatics', 'decaffeinated']) {
      expect(report.keptForLater.has(`bean.${mapped}`)).toBe(false);
    }
    expect(report.keptForLater.get('bean.buyDate')).toBe(1);
    expect(report.keptForLater.get('bean_information.elevation')).toBe(1);
    expect(report.keptForLater.get('brew.tds')).toBe(1);
    expect(report.keptForLater.get('bean_information (further origins of a blend)')).toBe(1);

    const text = reportText(report);
    expect(text).toContain('Brews: 9 new, 0 updated, 0 already here');
    expect(text).toContain('brew doseG must be at most 100: 1');
    expect(text).toContain('Photos referenced but not in a Beanconqueror export: 3');
    expect(text).toContain('Grinders: 4 new, 0 updated, 0 already here');
    expect(text).toContain('Brewers: 7 new, 0 updated, 0 already here');
    expect(text).toContain('  Bialetti Moka pot → moka');

    expect(await db.grinders.get(await importedId('mill', 'mill-comandante'))).toMatchObject({
      name: 'Comandante C40',
      notes: 'hand',
      archived: null,
      scaleKind: null,
    });
    expect(await db.grinders.get(await importedId('mill', 'mill-blank'))).toMatchObject({
      name: 'Unnamed grinder',
      notes: null,
    });
    expect(await db.grinders.get(await importedId('mill', 'mill-old'))).toMatchObject({
      name: 'Hario Skerton',
      archived: true,
    });
    expect(await db.brewers.get(await importedId('preparation', 'prep-v60'))).toMatchObject({
      name: 'V60',
      method: 'pour_over',
      notes: 'Plastic 02',
    });

    const guji = await db.bags.get(await importedId('bean', 'bean-guji'));
    expect(guji).toMatchObject({
      name: 'Guji Hambela',
      roaster: 'April',
      origin: 'Ethiopia',
      region: 'Guji',
      farm: 'Hambela',
      process: 'Washed',
      variety: 'Heirloom',
      roastLevel: 'medium',
      roastDate: '2026-11-01',
      openedDate: '2026-11-05',
      weightG: 250,
      price: 16.5,
      rating: 4,
      flavourNotes: 'peach, jasmine, bergamot',
      notes: 'Peach, jasmine',
      // decaffeinated: false is Beanconqueror's default, not an answer.
      decaf: null,
      archived: null,
    });
    const blend = await db.bags.get(await importedId('bean', 'bean-blend'));
    expect(blend).toMatchObject({
      roastLevel: 'dark',
      archived: true,
      weightG: null,
      origin: 'Brazil',
      region: null,
      decaf: true,
      price: 12.5,
      rating: 3.5,
      flavourNotes: 'cocoa, dried fig',
    });
    // A bean with nothing set still becomes a bag, with empty fields, not invalid ones.
    const blank = await db.bags.get(await importedId('bean', 'bean-blank'));
    expect(blank).toMatchObject({
      name: 'Unnamed coffee',
      roaster: null,
      origin: null,
      region: null,
      farm: null,
      roastDate: null,
      openedDate: null,
      weightG: null,
      price: null,
      rating: null,
      flavourNotes: null,
      decaf: null,
    });
  });

  it('maps each brew field by field: zeros unset, out-of-range values dropped, the rest kept', async () => {
    const db = device();
    await importBeanconqueror(db, await readBc(zipOf(fixtureFiles({ brews: 6 }))), undefined, NOW);
    const zero = await db.brews.get(await importedId('brew', 'brew-zero'));
    expect(zero).toMatchObject({
      bagId: await importedId('bean', 'bean-blank'),
      method: null,
      grinder: null,
      grinderId: null,
      brewerId: null,
      grindSetting: null,
      doseG: null,
      yieldG: null,
      waterG: null,
      timeS: null,
      tempC: null,
      rating: null,
      notes: null,
      brewedAt: '2026-11-26T07:00:00.000Z',
    });
    const wild = await db.brews.get(await importedId('brew', 'brew-wild'));
    expect(wild).toMatchObject({
      method: 'pour_over',
      grinder: null,
      grinderId: await importedId('mill', 'mill-comandante'),
      brewerId: await importedId('preparation', 'prep-v60'),
      grindSetting: '24',
      doseG: null,
      waterG: 250,
      timeS: 185.5,
      tempC: null,
      rating: null,
      notes: 'Way off',
    });
    const orphan = await db.brews.get(await importedId('brew', 'brew-orphan'));
    expect(orphan).toMatchObject({
      method: 'moka',
      grinderId: await importedId('mill', 'mill-niche'),
      brewerId: await importedId('preparation', 'prep-moka'),
      doseG: 15,
      waterG: null,
      rating: 3.5,
    });
    const unknown = await db.bags.get(orphan?.bagId as string);
    expect(unknown?.name).toBe(UNKNOWN_COFFEE);
    const methods = new Set((await db.brews.toArray()).map((b) => b.method));
    expect(methods).toEqual(
      new Set([null, 'pour_over', 'moka', 'espresso', 'immersion', 'cold_brew', 'other']),
    );
  });

  it('reads brew_time_milliseconds as the remainder, or as the whole time when it is one', async () => {
    const db = device();
    const data = await readBc(zipOf(fixtureFiles({ brews: 0 })));
    data.brews = [
      {
        config: { uuid: 'cut', unix_timestamp: 1_795_000_000 },
        bean: 'bean-guji',
        brew_time: 29,
        brew_time_milliseconds: 28_600,
      },
      {
        config: { uuid: 'rest', unix_timestamp: 1_795_000_000 },
        bean: 'bean-guji',
        brew_time: 28,
        brew_time_milliseconds: 400,
      },
    ];
    await importBeanconqueror(db, data, undefined, NOW);
    expect((await db.brews.get(await importedId('brew', 'cut')))?.timeS).toBe(28.6);
    expect((await db.brews.get(await importedId('brew', 'rest')))?.timeS).toBe(28.4);
  });

  it('importing the same export twice adds and changes nothing', async () => {
    const db = device();
    const bytes = zipOf(fixtureFiles({ brews: 6, chunkSize: 2 }));
    await importBeanconqueror(db, await readBc(bytes), undefined, NOW);
    const outbox = await db.outbox.count();
    const again = await importBeanconqueror(db, await readBc(bytes), undefined, NOW);
    expect(again.bags).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(again.brews).toEqual({ created: 0, updated: 0, unchanged: 9 });
    expect(again.grinders).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(again.brewers).toEqual({ created: 0, updated: 0, unchanged: 7 });
    expect(await db.grinders.count()).toBe(4);
    expect(await db.bags.count()).toBe(4);
    expect(await db.brews.count()).toBe(9);
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('a newer export adds its new brews, fills empty fields, and keeps edits made here', async () => {
    const db = device();
    await importBeanconqueror(db, await readBc(zipOf(fixtureFiles({ brews: 2 }))), undefined, NOW);
    const gujiId = await importedId('bean', 'bean-guji');
    await db.bags.update(gujiId, { roaster: 'April Coffee' });
    const newer = await importBeanconqueror(
      db,
      await readBc(zipOf(fixtureFiles({ brews: 4 }))),
      undefined,
      NOW,
    );
    expect(newer.brews.created).toBe(2);
    expect(await db.brews.count()).toBe(7);
    expect((await db.bags.get(gujiId))?.roaster).toBe('April Coffee');
  });

  it('a brew imported before gear existed gets its grinder and brewer on the next import', async () => {
    const db = device();
    const bytes = zipOf(fixtureFiles({ brews: 0 }));
    await importBeanconqueror(db, await readBc(bytes), undefined, NOW);
    const wildId = await importedId('brew', 'brew-wild');
    // As the import before gear left it: no references (it wrote the grinder's name instead).
    await db.brews.update(wildId, { grinderId: null, brewerId: null, grinder: 'Comandante C40' });
    const again = await importBeanconqueror(db, await readBc(bytes), undefined, NOW);
    expect(again.brews).toEqual({ created: 0, updated: 1, unchanged: 2 });
    expect(await db.brews.get(wildId)).toMatchObject({
      grinder: 'Comandante C40',
      grinderId: await importedId('mill', 'mill-comandante'),
      brewerId: await importedId('preparation', 'prep-v60'),
    });
  });

  it('a record without a uuid is skipped with its reason; the others import', async () => {
    const db = device();
    const data = await readBc(zipOf(fixtureFiles({ brews: 1 })));
    data.brews.push({ note: 'no config' });
    const report = await importBeanconqueror(db, data, undefined, NOW);
    expect(report.skipped).toEqual([
      {
        record: 'brew 5 (no name)',
        reason: 'it has no config.uuid, so a re-import could not find it',
      },
    ]);
    expect(report.brews.created).toBe(4);
  });

  it('a ZIP that is neither ours nor Beanconqueror’s is refused with a reason', async () => {
    await expect(readImportFile(zipOf({ 'notes.txt': 'hello' }))).rejects.toThrow(
      'This ZIP is neither a Dial-in nor a Beanconqueror export.',
    );
  });
});
