import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBag, createBrew } from './actions.js';
import { createDb, type DialInDb } from './db.js';
import { addHistoryPage, dropHistoryOf, historyFromOverwrites, historyRows } from './history.js';
import { historyEntries } from './queries.js';

let opened: DialInDb[] = [];
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

/** A lost value of `field` on a row, as a pull that overwrote it records it. */
function lost(entity: 'bag' | 'brew', rowId: string, field: string) {
  return historyFromOverwrites(entity, rowId, [
    { field, value: 'mine', clock: 'c1', by: { value: 'theirs', clock: 'c2' } },
  ]);
}

describe('historyRows', () => {
  it('joins each entry to its brew and bag, and filters by brew or by bag', async () => {
    const db = createDb(`history-${crypto.randomUUID()}`);
    opened.push(db);
    const guji = await createBag(db, { name: 'Guji' });
    const huila = await createBag(db, { name: 'Huila' });
    const a = await createBrew(db, { bagId: guji, method: 'espresso', doseG: 18 });
    const b = await createBrew(db, { bagId: huila, method: 'espresso', doseG: 18 });
    await addHistoryPage(db, lost('brew', a, 'grindSetting'), 1);
    await addHistoryPage(db, lost('brew', b, 'grindSetting'), 2);
    await addHistoryPage(db, lost('bag', guji, 'roaster'), 3);

    const all = await historyRows(db, null);
    expect(all.map((r) => [r.entry.entity, r.bag?.name, r.brew?.id ?? null])).toEqual([
      ['bag', 'Guji', null],
      ['brew', 'Huila', b],
      ['brew', 'Guji', a],
    ]);
    expect((await historyRows(db, { brew: a })).map((r) => r.entry.rowId)).toEqual([a]);
    expect((await historyRows(db, { bag: guji })).map((r) => r.entry.rowId)).toEqual([guji, a]);
  });

  it('keeps the values of one pull in one record, read newest first, and drops one row of them', async () => {
    const db = createDb(`history-${crypto.randomUUID()}`);
    opened.push(db);
    const [x, y] = [crypto.randomUUID(), crypto.randomUUID()];
    await addHistoryPage(db, [...lost('brew', x, 'notes'), ...lost('brew', x, 'rating')], 1);
    await addHistoryPage(db, [...lost('brew', y, 'notes'), ...lost('brew', x, 'taste')], 2);
    await addHistoryPage(db, [], 3);
    expect(await db.historyPages.count()).toBe(2);
    const fields = (entries: { rowId: string; field: string }[]) =>
      entries.map((e) => `${e.rowId === x ? 'x' : 'y'}.${e.field}`);
    expect(fields(await historyEntries(db))).toEqual(['y.notes', 'x.taste', 'x.notes', 'x.rating']);
    expect(fields(await historyEntries(db, { limit: 3 }))).toEqual([
      'y.notes',
      'x.taste',
      'x.notes',
    ]);
    expect(fields(await historyEntries(db, { rowId: x }))).toEqual([
      'x.taste',
      'x.notes',
      'x.rating',
    ]);
    const ids = (await historyEntries(db)).map((e) => e.id);
    expect(new Set(ids).size).toBe(4);

    await db.transaction('rw', db.historyPages, () => dropHistoryOf(db, x));
    expect(fields(await historyEntries(db))).toEqual(['y.notes']);
    expect(await db.historyPages.count()).toBe(1);
  });
});
