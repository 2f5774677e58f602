import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { MergeableRow } from '../../../shared/merge.js';
import { ENTITIES, type Entity } from '../../../shared/model/entities.js';
import type { Database } from '../db/database.js';
import { COLUMN_TYPES, type StoredRow, toColumnArrays } from './columns.js';

/**
 * SQL for push. Plain functions taking the database (or a transaction) first; the caller
 * decides the transaction boundaries. Each function is one round trip, and rows travel as
 * one array parameter per column: a push is bound by round trips and by building and parsing
 * statements far more than by the writes themselves (see server/bench/).
 */

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

/**
 * The account's stored rows among the given ids of each entity, in wire shape, in one query.
 * Each id is one primary-key lookup whatever the statistics say: on a young table without
 * statistics, `id = any(…)` and a plain join were both planned as a scan of every row of
 * the account (a push then cost more the more rows the account had). The LIMIT keeps the
 * planner from flattening the lateral subquery back into such a join.
 */
export async function loadRows(
  db: Kysely<Database>,
  accountId: string,
  ids: Record<Entity, readonly string[]>,
): Promise<{ entity: Entity; row: StoredRow }[]> {
  const selects = ENTITIES.filter((entity) => ids[entity].length > 0).map(
    (entity) =>
      sql`select ${entity}::text as entity, found.wire
          from unnest(${ids[entity]}::text[]) as wanted(id)
          cross join lateral (
            select t.wire from ${sql.table(entity)} t
            where t.account_id = ${accountId} and t.id = wanted.id
            limit 1
          ) as found`,
  );
  if (selects.length === 0) return [];
  const { rows } = await sql<{ entity: Entity; wire: string }>`${sql.join(
    selects,
    sql` union all `,
  )}`.execute(db);
  // The stored wire JSON is the row: reading it costs PostgreSQL no JSON building.
  return rows.map(({ entity, wire }) => ({ entity, row: JSON.parse(wire) as StoredRow }));
}

/** `insert … select from unnest(…) on conflict do update` of one table's rows at `version`. */
function upsert(
  entity: Entity,
  accountId: string,
  version: number,
  rows: readonly MergeableRow[],
): RawBuilder<unknown> {
  const fields = COLUMN_TYPES[entity];
  const columns = ['id', 'clocks', ...fields.map(([column]) => column), 'wire'];
  const types = ['text', 'jsonb', ...fields.map(([, type]) => type), 'text'];
  const arrays = toColumnArrays(entity, rows, version).map(
    (values, i) => sql`${values}::${sql.raw(types[i] as string)}[]`,
  );
  const list = sql.raw(columns.join(', '));
  const updates = sql.raw(
    ['version', ...columns.slice(1)].map((column) => `${column} = excluded.${column}`).join(', '),
  );
  return sql`insert into ${sql.table(entity)} (account_id, version, ${list})
    select ${accountId}::uuid, ${version}::bigint, u.* from unnest(${sql.join(arrays)}) as u(${list})
    on conflict (account_id, id) do update set ${updates}`;
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
  const ctes = ENTITIES.filter((entity) => rows[entity].length > 0).map(
    (entity) =>
      sql`${sql.id(`upsert_${entity}`)} as (${upsert(entity, accountId, version, rows[entity])})`,
  );
  const update = sql`update accounts set version = ${version} where id = ${accountId}`;
  await (ctes.length === 0 ? update : sql`with ${sql.join(ctes)} ${update}`).execute(db);
}
