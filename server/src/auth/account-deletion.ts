import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { PhotoStore } from '../photos/photo-store.js';

/** Later than any upload time, so listing "uploaded before" it lists every hash. */
const END_OF_TIME = new Date(8.64e15);

/**
 * Deletes every row of the account in one transaction: the account row, and with it (foreign
 * keys `on delete cascade`) its sessions, bags, brews, photo bytes and any later table keyed
 * by `account_id`; then the auth attempts made against its email, which no foreign key
 * reaches. The account row is locked first, so a push holding it finishes before, and one
 * waiting for it finds no account after. Once this commits nothing of the account answers:
 * its sessions are gone (401), its pull cursor names no account, its photo hashes no owner.
 */
export async function deleteAccountRows(
  db: Kysely<Database>,
  account: { id: string; email: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('accounts')
      .select('id')
      .where('id', '=', account.id)
      .forUpdate()
      .execute();
    await trx.deleteFrom('auth_attempts').where('email', '=', account.email).execute();
    await trx.deleteFrom('accounts').where('id', '=', account.id).execute();
  });
}

/**
 * Bytes a store keeps outside the database (S3): deleted after the rows, so a failure here
 * leaves only bytes nobody can reach (no photo row names them), which garbage collection
 * removes later. The PostgreSQL store has none left by then: its rows went with the account.
 */
export async function deleteAccountPhotoBytes(store: PhotoStore, accountId: string): Promise<void> {
  for await (const hash of store.listHashesUploadedBefore(accountId, END_OF_TIME)) {
    await store.delete(accountId, hash);
  }
}
