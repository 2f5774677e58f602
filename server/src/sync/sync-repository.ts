import { type Kysely, sql } from 'kysely';
import type { MergeableRow } from '../../../shared/merge.js';
import type { Entity } from '../../../shared/model/entities.js';
import type { Database } from '../db/database.js';
import { type DbRow, FIELD_COLUMNS, tableColumns, toDb } from './columns.js';

/**
 * SQL for push and pull. Plain functions taking the database (or a transaction) first;
 * the callers decide the transaction boundaries.
 */

/**
 * The two synced tables seen through one loose type: their columns differ, and the
 * functions below pick them from FIELD_COLUMNS rather than from the static types.
 */
type LooseRow = Record<string, unknown>;
type LooseDb = Kysely<{ bag: LooseRow; brew: LooseRow }>;
const loose = (db: Kysely<Database>): LooseDb => db as unknown as LooseDb;

/** A position in pull order: after every row that sorts at or before (version, entity, id). */
export interface Position {
  version: number;
  entity: Entity;
  /** '' sorts before every id: the position before the version's first row of `entity`. */
  id: string;
}

/**
 * Locks the account row until the transaction ends and returns its version. Every push takes
 * this lock first, so pushes of one account commit one at a time, in version order.
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

export async function readAccountVersion(
  db: Kysely<Database>,
  accountId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select('version')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row === undefined ? undefined : Number(row.version);
}

export async function setAccountVersion(
  db: Kysely<Database>,
  accountId: string,
  version: number,
): Promise<void> {
  await db.updateTable('accounts').set({ version }).where('id', '=', accountId).execute();
}

/** The account's stored rows of one entity among `ids`, in one query. */
export async function loadRows(
  db: Kysely<Database>,
  accountId: string,
  entity: Entity,
  ids: readonly string[],
): Promise<DbRow[]> {
  if (ids.length === 0) return [];
  const rows = await loose(db)
    .selectFrom(entity)
    .select(tableColumns(entity))
    .where('account_id', '=', accountId)
    .where('id', 'in', ids)
    .execute();
  return rows as DbRow[];
}

/** Writes merged rows, all at `version`, with one multi-row upsert. */
export async function upsertRows(
  db: Kysely<Database>,
  accountId: string,
  entity: Entity,
  rows: readonly MergeableRow[],
  version: number,
): Promise<void> {
  if (rows.length === 0) return;
  const update: Record<string, unknown> = {
    version: sql.ref('excluded.version'),
    clocks: sql.ref('excluded.clocks'),
  };
  for (const [, column] of FIELD_COLUMNS[entity]) update[column] = sql.ref(`excluded.${column}`);
  await loose(db)
    .insertInto(entity)
    .values(rows.map((row) => toDb(entity, accountId, row, version)))
    .onConflict((conflict) => conflict.columns(['account_id', 'id']).doUpdateSet(update))
    .execute();
}

/** The rows of one table strictly after `after` in pull order, at most `limit`. */
export async function rowsAfter(
  db: Kysely<Database>,
  accountId: string,
  entity: Entity,
  after: Position,
  limit: number,
): Promise<DbRow[]> {
  const rows = await loose(db)
    .selectFrom(entity)
    .select(tableColumns(entity))
    .where('account_id', '=', accountId)
    .where(afterCondition(entity, after))
    .orderBy('version')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows as DbRow[];
}

/** How many rows of each table sort after `after`. */
export async function countAfter(
  db: Kysely<Database>,
  accountId: string,
  after: Position,
): Promise<Record<Entity, number>> {
  const count = (entity: Entity) =>
    loose(db)
      .selectFrom(entity)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('account_id', '=', accountId)
      .where(afterCondition(entity, after));
  const row = await loose(db)
    .selectNoFrom([count('bag').as('bag'), count('brew').as('brew')])
    .executeTakeFirstOrThrow();
  return { bag: Number(row.bag), brew: Number(row.brew) };
}

/**
 * "Sorts after `after`" for the rows of one table, in (version, entity, id) order. Within a
 * table the entity is constant, so this is a range on the (account_id, version, id) index.
 */
function afterCondition(entity: Entity, after: Position) {
  if (entity === after.entity) {
    return sql<boolean>`(version, id) > (${after.version}, ${after.id})`;
  }
  return entity > after.entity
    ? sql<boolean>`version >= ${after.version}`
    : sql<boolean>`version > ${after.version}`;
}
