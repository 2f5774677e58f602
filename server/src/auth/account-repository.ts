import type { Kysely } from 'kysely';
import { normalizeEmail } from '../../../shared/protocol/auth.js';
import type { Database } from '../db/database.js';

export interface AccountRecord {
  id: string;
  email: string;
  passwordHash: string;
}

/** Inserts the account; returns false when the email is taken (unique index, race-safe). */
export async function insertAccount(
  db: Kysely<Database>,
  account: AccountRecord,
): Promise<boolean> {
  const inserted = await db
    .insertInto('accounts')
    .values({ id: account.id, email: account.email, password_hash: account.passwordHash })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findAccountByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<AccountRecord | undefined> {
  const row = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'password_hash'])
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
  return row && { id: row.id, email: row.email, passwordHash: row.password_hash };
}

export async function findAccountById(
  db: Kysely<Database>,
  id: string,
): Promise<{ id: string; email: string } | undefined> {
  return db.selectFrom('accounts').select(['id', 'email']).where('id', '=', id).executeTakeFirst();
}

export async function updatePasswordHash(
  db: Kysely<Database>,
  id: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('accounts')
    .set({ password_hash: passwordHash })
    .where('id', '=', id)
    .execute();
}
