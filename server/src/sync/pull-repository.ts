import { type Kysely, type RawBuilder, sql } from 'kysely';
import { ENTITIES, type Entity, perEntity } from '../../../shared/model/entities.js';
import type { Database } from '../db/database.js';
import { PREPARED } from '../db/prepared-statements.js';

/** A position in pull order: after every row that sorts at or before (version, entity, id). */
export interface Position {
  version: number;
  entity: Entity;
  /** '' sorts before every id: the position before the version's first row of `entity`. */
  id: string;
}

export interface PageRows {
  /** The account's version counter; undefined when the account does not exist. */
  accountVersion: number | undefined;
  /** How many rows the page holds: at most `limit` rows after the position. */
  count: number;
  /**
   * The page's rows of each entity, as their wire JSON texts joined by commas (the inside of
   * a JSON array), in (version, entity, id) order; '' when it holds none of that entity.
   */
  json: Record<Entity, string>;
  /** The page's last row in pull order (the next cursor's position); undefined when empty. */
  last: Position | undefined;
  /** How many rows sort after the position, this page's included. */
  total: number;
}

/**
 * "Sorts after `after`" for the rows of one table, in (version, entity, id) order. Within a
 * table the entity is constant, so this is a range on the (account_id, version, id) index.
 */
function afterCondition(entity: Entity, after: Position) {
  if (entity === after.entity) return sql`(version, id) > (${after.version}, ${after.id})`;
  return entity > after.entity ? sql`version >= ${after.version}` : sql`version > ${after.version}`;
}

/**
 * At most `limit` rows of one table after `after`, in order, with their stored wire JSON.
 * Reading `wire` costs a heap fetch and no JSON building, so even a plan that reads more rows
 * than the page (a young table without statistics) builds nothing.
 */
function rowsAfter(accountId: string, entity: Entity, after: Position, limit: number) {
  return sql`(select ${entity}::text as entity, version, id, wire from ${sql.table(entity)}
    where account_id = ${accountId} and ${afterCondition(entity, after)}
    order by version, id limit ${limit})`;
}

/**
 * How many rows of one table sort after `after`. In the cursor's own table this is two
 * counts, `version > v` and `version = v and id > x`: plain index conditions that an
 * index-only scan checks about twice as fast as the row comparison `(version, id) > (v, x)`.
 */
function countAfter(accountId: string, entity: Entity, after: Position) {
  const count = (condition: RawBuilder<unknown>) =>
    sql`(select count(*) from ${sql.table(entity)} where account_id = ${accountId} and ${condition})`;
  if (entity !== after.entity) return count(afterCondition(entity, after));
  return sql`(${count(sql`version > ${after.version}`)} + ${count(
    sql`version = ${after.version} and id > ${after.id}`,
  )})`;
}

/**
 * One page of every synced table, the account's version and the count of rows after the position,
 * in ONE statement: one snapshot, so the tables and the count agree on which pushes have
 * committed (two statements could see a push in one table and not in the other, and a page
 * could then end past rows it never saw).
 *
 * Rows come with the JSON the push stored (migration 0003), so the database builds none, and
 * leave as ONE row: each entity's texts joined by `string_agg` and the page's last position.
 * A row per page row cost node-postgres a message, a row object and four strings each, and
 * then a join of 1,000 strings; that was most of a page's time outside the database
 * (server/bench/). The counts run only when the page is full (a lazily evaluated CASE branch),
 * so a small delta pull never scans. It is prepared (planned once per connection on
 * PostgreSQL: its planning cost more than its run). This is the statement `readPage` runs,
 * exported so server/bench/explain-pull.ts can EXPLAIN it.
 */
export function pageQuery(accountId: string, after: Position, limit: number) {
  const joined = (entity: Entity) =>
    sql`(select string_agg(wire, ',' order by version, id) from page where entity = ${entity})`;
  return sql<
    {
      account_version: number;
      total: number;
      count: number;
      last_version: number | null;
      last_entity: Entity | null;
      last_id: string | null;
    } & Record<Entity, string | null>
  >`${sql.raw(PREPARED)}
    with page as materialized (
      ${sql.join(
        ENTITIES.map((entity) => rowsAfter(accountId, entity, after, limit)),
        sql` union all `,
      )}
      order by version, entity, id
      limit ${limit}
    ), counted as (select count(*) as n from page),
    last as (select version, entity, id from page order by version desc, entity desc, id desc limit 1)
    select a.version as account_version,
      case when counted.n < ${limit} then counted.n
        else ${sql.join(
          ENTITIES.map((entity) => countAfter(accountId, entity, after)),
          sql` + `,
        )}
      end as total,
      counted.n as count,
      ${sql.join(
        ENTITIES.map((entity) => sql`${joined(entity)} as ${sql.ref(entity)}`),
        sql`, `,
      )},
      last.version as last_version, last.entity as last_entity, last.id as last_id
    from accounts a cross join counted left join last on true
    where a.id = ${accountId}
  `;
}

export async function readPage(
  db: Kysely<Database>,
  accountId: string,
  after: Position,
  limit: number,
): Promise<PageRows> {
  const { rows } = await pageQuery(accountId, after, limit).execute(db);
  const row = rows[0];
  const json = perEntity(() => '');
  if (row === undefined) {
    return { accountVersion: undefined, count: 0, json, last: undefined, total: 0 };
  }
  const last =
    row.last_entity === null || row.last_id === null
      ? undefined
      : { version: Number(row.last_version), entity: row.last_entity, id: row.last_id };
  for (const entity of ENTITIES) json[entity] = row[entity] ?? '';
  return {
    accountVersion: Number(row.account_version),
    count: Number(row.count),
    json,
    last,
    total: Number(row.total),
  };
}
