import { type Kysely, sql } from 'kysely';
import type { Entity } from '../../../shared/model/entities.js';
import type { Database } from '../db/database.js';
import { rowJsonSql } from './columns.js';

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

/** The keys (never the rows) of at most `limit` rows of one table after `after`. */
function keysAfter(accountId: string, entity: Entity, after: Position, limit: number) {
  return sql`(select ${entity}::text as entity, version, id from ${sql.table(entity)}
    where account_id = ${accountId} and ${afterCondition(entity, after)}
    order by version, id limit ${limit})`;
}

/** One row's wire JSON, by key: a primary-key lookup, correlated to the page row. */
function rowJson(accountId: string, entity: Entity) {
  return sql`(select ${sql.raw(rowJsonSql(entity, 't'))}::text from ${sql.table(entity)} t
    where t.account_id = ${accountId} and t.id = page.id)`;
}

function countAfter(accountId: string, entity: Entity, after: Position) {
  return sql`(select count(*) from ${sql.table(entity)}
    where account_id = ${accountId} and ${afterCondition(entity, after)})`;
}

/**
 * One page of both tables, the account's version and the count of rows after the position,
 * in ONE statement: one snapshot, so the tables and the count agree on which pushes have
 * committed (two statements could see a push in one table and not in the other, and a page
 * could then end past rows it never saw).
 *
 * The page is chosen on keys alone and only its rows are turned into JSON: whatever plan the
 * statistics lead to (a fresh table has none), no row outside the page is ever built. The
 * counts run only when the page is full (a lazily evaluated CASE branch), so a small delta
 * pull never scans.
 */
export async function readPage(
  db: Kysely<Database>,
  accountId: string,
  after: Position,
  limit: number,
): Promise<PageRows> {
  const { rows } = await sql<{
    account_version: number;
    total: number;
    entity: Entity | null;
    version: number | null;
    id: string | null;
    json: string | null;
  }>`
    with page as (
      ${keysAfter(accountId, 'bag', after, limit)}
      union all
      ${keysAfter(accountId, 'brew', after, limit)}
      order by version, entity, id
      limit ${limit}
    )
    select a.version as account_version,
      case when (select count(*) from page) < ${limit} then (select count(*) from page)
        else ${countAfter(accountId, 'bag', after)} + ${countAfter(accountId, 'brew', after)}
      end as total,
      page.entity, page.version, page.id,
      case page.entity when 'bag' then ${rowJson(accountId, 'bag')}
        else ${rowJson(accountId, 'brew')} end as json
    from accounts a left join page on true
    where a.id = ${accountId}
    order by page.version, page.entity, page.id
  `.execute(db);
  const first = rows[0];
  if (first === undefined) return { accountVersion: undefined, rows: [], total: 0 };
  return {
    accountVersion: Number(first.account_version),
    rows: first.id === null ? [] : (rows as PageRow[]),
    total: Number(first.total),
  };
}
