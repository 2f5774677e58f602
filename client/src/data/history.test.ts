import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBag, createBrew } from './actions.js';
import { createDb, type DialInDb } from './db.js';
import { historyFromOverwrites, historyRows } from './history.js';

let opened: DialInDb[] = [];
afterEach(async () => {
  for (const db of opened) await db.delete();
  opened = [];
});

/** A lost value of `field` on a row, as a pull that overwrote it records it. */
function lost(entity: 'bag' | 'brew', rowId: string, field: string, at: number) {
  return historyFromOverwrites(
    entity,
    rowId,
    [{ field, value: 'mine', clock: 'c1', by: { value: 'theirs', clock: 'c2' } }],
    at,
  );
}

describe('historyRows', () => {
  it('joins each entry to its brew and bag, and filters by brew or by bag', async () => {
    const db = createDb(`history-${crypto.randomUUID()}`);
    opened.push(db);
    const guji = await createBag(db, { name: 'Guji' });
    const huila = await createBag(db, { name: 'Huila' });
    const a = await createBrew(db, { bagId: guji, method: 'espresso', doseG: 18 });
    const b = await createBrew(db, { bagId: huila, method: 'espresso', doseG: 18 });
    await db.history.bulkAdd([
      ...lost('brew', a, 'grindSetting', 1),
      ...lost('brew', b, 'grindSetting', 2),
      ...lost('bag', guji, 'roaster', 3),
    ]);

    const all = await historyRows(db, null);
    expect(all.map((r) => [r.entry.entity, r.bag?.name, r.brew?.id ?? null])).toEqual([
      ['bag', 'Guji', null],
      ['brew', 'Huila', b],
      ['brew', 'Guji', a],
    ]);
    expect((await historyRows(db, { brew: a })).map((r) => r.entry.rowId)).toEqual([a]);
    expect((await historyRows(db, { bag: guji })).map((r) => r.entry.rowId)).toEqual([guji, a]);
  });
});
