import type { Kysely } from 'kysely';
import type { Entity } from '../../../shared/model/entities.js';
import type { BagRow, BrewRow } from '../../../shared/protocol/rows.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { fromDb } from './columns.js';
import { decodeCursor, encodeCursor, START } from './cursor.js';
import { countAfter, type Position, readAccountVersion, rowsAfter } from './sync-repository.js';

export interface PullPage {
  bags: BagRow[];
  brews: BrewRow[];
  cursor: string;
  hasMore: boolean;
  remaining: number;
}

type Ranked = { entity: Entity; row: ReturnType<typeof fromDb> };

/** Pull order: (version, entity, id), ids compared byte-wise like the "C" collation. */
function compare(a: Ranked, b: Ranked): number {
  if (a.row.version !== b.row.version) return a.row.version - b.row.version;
  if (a.entity !== b.entity) return a.entity < b.entity ? -1 : 1;
  return a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;
}

function invalidCursor(reason: string): AppError {
  return new AppError(400, 'invalid_cursor', `cursor ${reason}; pull again without a cursor`);
}

/**
 * One page of the account's rows after the cursor, tombstones included. Everything is read in
 * one REPEATABLE READ snapshot: the two tables and the counts must agree on which pushes have
 * committed, or a page could end past a version whose rows in the other table it never saw.
 */
export async function pullPage(
  db: Kysely<Database>,
  accountId: string,
  cursor: string | undefined,
  limit: number,
): Promise<PullPage> {
  let after = START;
  if (cursor !== undefined) {
    const decoded = decodeCursor(accountId, cursor);
    if (!decoded.ok) throw invalidCursor(decoded.reason);
    after = decoded.position;
  }

  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const accountVersion = await readAccountVersion(trx, accountId);
      if (accountVersion === undefined)
        throw new AppError(401, 'unauthorized', 'the account is gone');
      if (after.version > accountVersion) throw invalidCursor('is ahead of this account');

      const [bags, brews] = [
        await rowsAfter(trx, accountId, 'bag', after, limit),
        await rowsAfter(trx, accountId, 'brew', after, limit),
      ];
      const ranked: Ranked[] = [
        ...bags.map((row) => ({ entity: 'bag' as const, row: fromDb('bag', row) })),
        ...brews.map((row) => ({ entity: 'brew' as const, row: fromDb('brew', row) })),
      ].sort(compare);
      const page = ranked.slice(0, limit);

      // Each table returned fewer than `limit` rows: they are all the rows after the cursor,
      // so the count is known without another scan (the common case of a small delta pull).
      const total =
        bags.length < limit && brews.length < limit
          ? ranked.length
          : await countAfter(trx, accountId, after).then((n) => n.bag + n.brew);
      const last = page.at(-1);
      const next: Position =
        last === undefined
          ? after
          : { version: last.row.version, entity: last.entity, id: last.row.id };
      const remaining = total - page.length;
      return {
        bags: page.filter((r) => r.entity === 'bag').map((r) => r.row as unknown as BagRow),
        brews: page.filter((r) => r.entity === 'brew').map((r) => r.row as unknown as BrewRow),
        cursor: encodeCursor(accountId, next),
        hasMore: remaining > 0,
        remaining,
      };
    });
}
