import { type Kysely, type QueryCreator, sql } from 'kysely';
import type { MergeableRow } from '../../../shared/merge.js';
import { ENTITIES, type Entity } from '../../../shared/model/entities.js';
import type { Database } from '../db/database.js';
import { FIELD_COLUMNS, rowJsonSql, type StoredRow, toDb } from './columns.js';

/**
 * SQL for push. Plain functions taking the database (or a transaction) first; the caller
 * decides the transaction boundaries. Each function is one round trip: under load a push is
 * bound by round trips far more than by the work in them (see server/bench/).
 */

/**
 * The two synced tables seen through one loose type: their columns differ, and the
 * functions below pick them from FIELD_COLUMNS rather than from the static types.
 */
type LooseSchema = Record<Entity | 'accounts', Record<string, unknown>>;
export type LooseDb = Kysely<LooseSchema>;
export const loose = (db: Kysely<Database>): LooseDb => db as unknown as LooseDb;

/**
 * Locks the account row until the transaction ends and returns its version. Every push takes
 * this lock first, so pushes of one account commit one at a time, in version order. It must
 * be its own statement, before the rows are read: a statement that waited for the lock would
 * still see the rows as they were before the previous push committed.
 */
export async function lockAccountVersion(
  db: Kysely<Database>,
  accountId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select('version')
    .where('id', '=', accountId)
    .forUpdate()
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.version);
}

/** The account's stored rows among the given ids of each entity, in wire shape, in one query. */
export async function loadRows(
  db: Kysely<Database>,
  accountId: string,
  ids: Record<Entity, readonly string[]>,
): Promise<{ entity: Entity; row: StoredRow }[]> {
  const selects = ENTITIES.filter((entity) => ids[entity].length > 0).map(
    (entity) =>
      sql`select ${entity}::text as entity, ${sql.raw(rowJsonSql(entity))} as row
          from ${sql.table(entity)}
          where account_id = ${accountId} and id in (${sql.join(ids[entity])})`,
  );
  if (selects.length === 0) return [];
  const { rows } = await sql<{ entity: Entity; row: StoredRow }>`${sql.join(
    selects,
    sql` union all `,
  )}`.execute(db);
  return rows;
}

/**
 * Writes merged rows, all at `version`, and sets the account's version: one statement, one
 * multi-row upsert per table as data-modifying CTEs.
 */
export async function writeVersion(
  db: Kysely<Database>,
  accountId: string,
  version: number,
  rows: Record<Entity, readonly MergeableRow[]>,
): Promise<void> {
  let query: QueryCreator<LooseSchema> = loose(db);
  for (const entity of ENTITIES) {
    if (rows[entity].length === 0) continue;
    const update: Record<string, unknown> = {
      version: sql.ref('excluded.version'),
      clocks: sql.ref('excluded.clocks'),
    };
    for (const [, column] of FIELD_COLUMNS[entity]) update[column] = sql.ref(`excluded.${column}`);
    // The CTE's name is never read back, so the widened type loses nothing.
    query = query.with(`upsert_${entity}`, (db) =>
      db
        .insertInto(entity)
        .values(rows[entity].map((row) => toDb(entity, accountId, row, version)))
        .onConflict((conflict) => conflict.columns(['account_id', 'id']).doUpdateSet(update)),
    ) as unknown as QueryCreator<LooseSchema>;
  }
  await query.updateTable('accounts').set({ version }).where('id', '=', accountId).execute();
}
