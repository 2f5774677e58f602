import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { PhotoStore, PhotoType, StoredPhoto } from './photo-store.js';

/** Rows read per query when listing, so an account with many photos is never read at once. */
const PAGE = 1000;

/**
 * The default photo store: a `photo_bytes` row per (account, hash) in the app's own database,
 * so PGlite and a single PostgreSQL need nothing else.
 */
export function createPostgresPhotoStore(db: Kysely<Database>): PhotoStore {
  return {
    async put(accountId, hash, bytes, type) {
      await db
        .insertInto('photo_bytes')
        .values({ account_id: accountId, hash, type, bytes })
        .onConflict((conflict) =>
          conflict
            .columns(['account_id', 'hash'])
            .doUpdateSet((eb) => ({ uploaded_at: eb.fn('now') })),
        )
        .execute();
    },

    async get(accountId, hash): Promise<StoredPhoto | null> {
      const row = await db
        .selectFrom('photo_bytes')
        .select(['bytes', 'type'])
        .where('account_id', '=', accountId)
        .where('hash', '=', hash)
        .executeTakeFirst();
      // Only checked types are ever written (see put's callers), so the column holds a PhotoType.
      return row === undefined ? null : { bytes: row.bytes, type: row.type as PhotoType };
    },

    async has(accountId, hash) {
      const row = await db
        .selectFrom('photo_bytes')
        .select('hash')
        .where('account_id', '=', accountId)
        .where('hash', '=', hash)
        .executeTakeFirst();
      return row !== undefined;
    },

    async delete(accountId, hash) {
      await db
        .deleteFrom('photo_bytes')
        .where('account_id', '=', accountId)
        .where('hash', '=', hash)
        .execute();
    },

    async bytesUsed(accountId) {
      // octet_length of a bytea reads the stored length, without fetching the bytes; the sum
      // is int8, which db/ parses to a number.
      const row = await db
        .selectFrom('photo_bytes')
        .select((eb) =>
          eb.fn.coalesce(eb.fn.sum<number>(eb.fn('octet_length', ['bytes'])), eb.lit(0)).as('used'),
        )
        .where('account_id', '=', accountId)
        .executeTakeFirstOrThrow();
      return row.used;
    },

    async *listAccounts() {
      let after: string | undefined;
      for (;;) {
        let query = db
          .selectFrom('photo_bytes')
          .select('account_id')
          .distinct()
          .orderBy('account_id')
          .limit(PAGE);
        if (after !== undefined) query = query.where('account_id', '>', after);
        const rows = await query.execute();
        for (const row of rows) yield row.account_id;
        if (rows.length < PAGE) return;
        after = rows.at(-1)?.account_id;
      }
    },

    async *listHashesUploadedBefore(accountId, time) {
      let after: string | undefined;
      for (;;) {
        let query = db
          .selectFrom('photo_bytes')
          .select('hash')
          .where('account_id', '=', accountId)
          .where('uploaded_at', '<', time)
          .orderBy('hash')
          .limit(PAGE);
        if (after !== undefined) query = query.where('hash', '>', after);
        const rows = await query.execute();
        for (const row of rows) yield row.hash;
        if (rows.length < PAGE) return;
        after = rows.at(-1)?.hash;
      }
    },
  };
}
