import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { MergeableRow } from '../../../shared/merge.js';
import { ENTITIES, type Entity } from '../../../shared/model/entities.js';
import type { Database } from '../db/database.js';
import { FIELD_COLUMN_TYPES, type StoredRow, wireArrayJson } from './columns.js';

/**
 * SQL for push. Plain functions taking the database (or a transaction) first; the caller
 * decides the transaction boundaries. Each function is one round trip, and rows travel as
 * one parameter (ids as one array, written rows as one JSON text): a push is bound by round
 * trips and by building and parsing statements far more than by the writes themselves (see
 * server/bench/).
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

/**
 * `insert … select … on conflict do update` of one table's rows at `version`, from one JSON
 * parameter: the array of the rows' wire JSON. `json_array_elements` of a `json` (not
 * `jsonb`) value yields each element's text as it was sent, so `wire` stores the bytes the
 * pull will send; `json_to_record` reads the columns from the same element, each value through
 * its type's input function, as a text parameter would have been (`-0` is sent as `0`).
 */
function upsert(
  entity: Entity,
  accountId: string,
  version: number,
  rows: readonly MergeableRow[],
): RawBuilder<unknown> {
  const fields = FIELD_COLUMN_TYPES[entity];
  const columns = sql.raw(['id', 'clocks', ...fields.map((f) => f.column), 'wire'].join(', '));
  const values = sql.join([
    sql`u.id`,
    sql`u.clocks`,
    ...fields.map((f) => sql`u.${sql.id(f.field)}`),
    sql`r.wire::text`,
  ]);
  const record = sql.join([
    sql`id text`,
    sql`clocks jsonb`,
    ...fields.map((f) => sql`${sql.id(f.field)} ${sql.raw(f.type)}`),
  ]);
  const updates = sql.raw(
    ['version', 'clocks', ...fields.map((f) => f.column), 'wire']
      .map((column) => `${column} = excluded.${column}`)
      .join(', '),
  );
  return sql`insert into ${sql.table(entity)} (account_id, version, ${columns})
    select ${accountId}::uuid, ${version}::bigint, ${values}
    from json_array_elements(${wireArrayJson(entity, rows, version)}::json) as r(wire)
    cross join lateral json_to_record(r.wire) as u(${record})
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
