import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { ReferencedHashes } from './garbage-collection.js';

/**
 * What the photo rows (migration 0007-photos) say about bytes: which hashes an account's
 * photos still need. A photo needs the bytes of its full image and of its thumbnail while it
 * is live, and while it is a tombstone younger than the retention (its delete can be undone).
 */

/**
 * Live, or deleted after `deletedAfter`. `deleted_at` holds the ISO text the client sent (with
 * its own offset), so it is compared as a time, not as text.
 */
function stillNeeded(deletedAfter: Date): Expression<SqlBool> {
  return sql<SqlBool>`(deleted_at is null or deleted_at::timestamptz > ${deletedAfter})`;
}

/** Whether one of the account's photos that is still needed has these bytes, full or thumbnail. */
export async function accountNeedsHash(
  db: Kysely<Database>,
  accountId: string,
  hash: string,
  deletedAfter: Date,
): Promise<boolean> {
  const row = await db
    .selectFrom('photo')
    .select('id')
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('hash', '=', hash), eb('thumb_hash', '=', hash)]))
    .where(stillNeeded(deletedAfter))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Garbage collection's view of the photo rows: every hash the account still needs. */
export function referencedHashesOf(db: Kysely<Database>): ReferencedHashes {
  return async (accountId, deletedAfter) => {
    const rows = await db
      .selectFrom('photo')
      .select(['hash', 'thumb_hash'])
      .where('account_id', '=', accountId)
      .where(stillNeeded(deletedAfter))
      .execute();
    const hashes = new Set<string>();
    for (const row of rows) {
      if (row.hash !== null) hashes.add(row.hash);
      if (row.thumb_hash !== null) hashes.add(row.thumb_hash);
    }
    return hashes;
  };
}
