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

/** The account's version, and its rows among the ids, as one locking statement found them. */
export interface LockedRows {
  /** The version under the lock; undefined when the account does not exist. */
  version: number | undefined;
  /**
   * Whether the rows are the ones the lock protects. The statement's snapshot is taken before
   * it waits for the lock, so if another push committed meanwhile, the rows read are older
   * than the lock (the version under the lock then differs from the one in the snapshot, as
   * every push that writes a row bumps the version): read them again with `loadRows`.
   */
  current: boolean;
  rows: { entity: Entity; row: StoredRow }[];
}

/**
 * One SELECT of each entity's stored rows among the given ids, as (entity, wire). Each id is
 * one primary-key lookup whatever the statistics say: on a young table without statistics,
 * `id = any(…)` and a plain join were both planned as a scan of every row of the account (a
 * push then cost more the more rows the account had). The LIMIT keeps the planner from
 * flattening the lateral subquery back into such a join.
 */
function rowsByIds(accountId: string, ids: Record<Entity, readonly string[]>) {
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
  return selects.length === 0 ? undefined : sql.join(selects, sql` union all `);
}

// The stored wire JSON is the row: reading it costs PostgreSQL no JSON building.
const parseRows = (rows: { entity: Entity | null; wire: string | null }[]) =>
  rows.flatMap(({ entity, wire }) =>
    entity === null || wire === null ? [] : [{ entity, row: JSON.parse(wire) as StoredRow }],
  );

/**
 * Locks the account row until the transaction ends, and reads the account's rows among the
 * ids, in one round trip. Every push takes this lock first, so pushes of one account commit
 * one at a time, in version order. When the rows turn out older than the lock (another push
 * committed while this one waited: `current` is false), the caller reads them again.
 */
export async function lockAndLoadRows(
  db: Kysely<Database>,
  accountId: string,
  ids: Record<Entity, readonly string[]>,
): Promise<LockedRows> {
  const wanted = rowsByIds(accountId, ids);
  const { rows } = await sql<{
    locked_version: number;
    seen_version: number;
    entity: Entity | null;
    wire: string | null;
  }>`
    with locked as (select version from accounts where id = ${accountId} for update)
    select l.version as locked_version, a.version as seen_version, r.entity, r.wire
    from locked l
    join accounts a on a.id = ${accountId}
    left join (${wanted ?? sql`select null::text as entity, null::text as wire where false`}) r
      on true
  `.execute(db);
  const first = rows[0];
  if (first === undefined) return { version: undefined, current: true, rows: [] };
  return {
    version: Number(first.locked_version),
    current: Number(first.locked_version) === Number(first.seen_version),
    rows: parseRows(rows),
  };
}

/** The account's stored rows among the given ids of each entity, in wire shape. */
export async function loadRows(
  db: Kysely<Database>,
  accountId: string,
  ids: Record<Entity, readonly string[]>,
): Promise<{ entity: Entity; row: StoredRow }[]> {
  const wanted = rowsByIds(accountId, ids);
  if (wanted === undefined) return [];
  const { rows } = await sql<{ entity: Entity; wire: string }>`${wanted}`.execute(db);
  return parseRows(rows);
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
