import { type Kysely, type RawBuilder, sql } from 'kysely';
import { ENTITIES, type Entity } from '../../../shared/model/entities.js';
import type { Database } from '../db/database.js';

/** A position in pull order: after every row that sorts at or before (version, entity, id). */
export interface Position {
  version: number;
  entity: Entity;
  /** '' sorts before every id: the position before the version's first row of `entity`. */
  id: string;
}

/** One row of a page: its place in pull order and its wire JSON, as text. */
export interface PageRow {
  entity: Entity;
  version: number;
  id: string;
  json: string;
}

export interface PageRows {
  /** The account's version counter; undefined when the account does not exist. */
  accountVersion: number | undefined;
  /** At most `limit` rows after the position, in (version, entity, id) order. */
  rows: PageRow[];
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
 * Rows come with the JSON the push stored (migration 0003), so the database builds none. The
 * counts run only when the page is full (a lazily evaluated CASE branch), so a small delta
 * pull never scans. This is the statement `readPage` runs, exported so
 * server/bench/explain-pull.ts can EXPLAIN it.
 */
export function pageQuery(accountId: string, after: Position, limit: number) {
  return sql<{
    account_version: number;
    total: number;
    entity: Entity | null;
    version: number | null;
    id: string | null;
    json: string | null;
  }>`
    with page as (
      ${sql.join(
        ENTITIES.map((entity) => rowsAfter(accountId, entity, after, limit)),
        sql` union all `,
      )}
      order by version, entity, id
      limit ${limit}
    )
    select a.version as account_version,
      case when (select count(*) from page) < ${limit} then (select count(*) from page)
        else ${sql.join(
          ENTITIES.map((entity) => countAfter(accountId, entity, after)),
          sql` + `,
        )}
      end as total,
      page.entity, page.version, page.id, page.wire as json
    from accounts a left join page on true
    where a.id = ${accountId}
    order by page.version, page.entity, page.id
  `;
}

export async function readPage(
  db: Kysely<Database>,
  accountId: string,
  after: Position,
  limit: number,
): Promise<PageRows> {
  const { rows } = await pageQuery(accountId, after, limit).execute(db);
  const first = rows[0];
  if (first === undefined) return { accountVersion: undefined, rows: [], total: 0 };
  return {
    accountVersion: Number(first.account_version),
    rows: first.id === null ? [] : (rows as PageRow[]),
    total: Number(first.total),
  };
}
