import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Hlc } from '../../shared/hlc.js';
import { applyPatch } from '../../shared/merge.js';
import type { Entity } from '../../shared/model/entities.js';
import type { Mutation } from '../../shared/protocol/push.js';
import type { Database } from '../src/db/database.js';
import { tableColumns, toDb } from '../src/sync/columns.js';

/** The rows the benchmark writes, and the bare-database baselines it compares against. */

type Loose = Kysely<Record<Entity, Record<string, unknown>>>;

/** Half bags, half brews, each a complete new row with a realistic number of fields. */
export function creations(clock: Hlc, count: number): Mutation[] {
  return Array.from({ length: count }, (_, i): Mutation => {
    const entity: Entity = i % 2 === 0 ? 'bag' : 'brew';
    const patch =
      entity === 'bag'
        ? {
            name: `Bag ${i}`,
            roaster: 'Roaster',
            origin: 'Ethiopia',
            roastLevel: 'light',
            weightG: 250,
            roastDate: '2026-11-01',
          }
        : {
            bagId: randomUUID(),
            method: 'espresso',
            doseG: 18,
            yieldG: 36,
            timeS: 28,
            rating: 4,
            brewedAt: '2026-11-26T09:00:00.000Z',
          };
    return { id: randomUUID(), entity, rowId: randomUUID(), hlc: clock.now(), patch };
  });
}

/** Edits of two fields of rows that exist. */
export function updates(clock: Hlc, of: Mutation[]): Mutation[] {
  return of.map((m, i) => ({
    id: randomUUID(),
    entity: m.entity,
    rowId: m.rowId,
    hlc: clock.now(),
    patch:
      m.entity === 'bag'
        ? { notes: `edit ${i}`, weightG: 200 }
        : { rating: 3.5, notes: `edit ${i}` },
  }));
}

export function batches<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

/**
 * The baseline for push: the same rows, upserted by a bare multi-row INSERT … ON CONFLICT DO
 * UPDATE per table and batch (no session, transaction, lock, read or merge). Since migration
 * 0003 the table holds each row's wire JSON too, so the baseline writes it like the push does.
 */
export async function plainUpsert(
  db: Kysely<Database>,
  accountId: string,
  mutations: Mutation[],
  batchSize: number,
): Promise<void> {
  const loose = db as unknown as Loose;
  for (const batch of batches(mutations, batchSize)) {
    for (const entity of ['bag', 'brew'] as const) {
      const rows = batch
        .filter((m) => m.entity === entity)
        .map((m) => {
          const { row } = applyPatch(entity, undefined, m.rowId, m.patch, m.hlc);
          return toDb(entity, accountId, row, 1);
        });
      if (rows.length === 0) continue;
      const set = Object.fromEntries(
        [...tableColumns(entity), 'wire']
          .filter((column) => column !== 'id')
          .map((column) => [column, sql.ref(`excluded.${column}`)]),
      );
      await loose
        .insertInto(entity)
        .values(rows)
        .onConflict((oc) => oc.columns(['account_id', 'id']).doUpdateSet(set))
        .execute();
    }
  }
}

/**
 * The baseline for pull: the same rows read by bare keyset-paged SELECTs, table by table, as
 * columns (not the stored wire JSON: the same baseline as before migration 0003).
 */
export async function plainSelect(
  db: Kysely<Database>,
  accountId: string,
  pageSize: number,
): Promise<number> {
  const loose = db as unknown as Loose;
  let rows = 0;
  for (const entity of ['bag', 'brew'] as const) {
    let after = '';
    for (;;) {
      const page = await loose
        .selectFrom(entity)
        .select(tableColumns(entity))
        .where('account_id', '=', accountId)
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .execute();
      rows += page.length;
      const last = page.at(-1);
      if (page.length < pageSize || last === undefined) break;
      after = last.id as string;
    }
  }
  return rows;
}
