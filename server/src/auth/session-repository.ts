import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

/** Sessions last 30 days from sign-in; logout or revocation ends them sooner. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export async function createSession(
  db: Kysely<Database>,
  accountId: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .insertInto('sessions')
    .values({
      id: crypto.randomUUID(),
      token_hash: hashSessionToken(token),
      account_id: accountId,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** The account of a live session (not revoked, not expired), or undefined. */
export async function findSessionAccount(
  db: Kysely<Database>,
  token: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select('account_id')
    .where('token_hash', '=', hashSessionToken(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row?.account_id;
}

export async function revokeSession(db: Kysely<Database>, token: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('token_hash', '=', hashSessionToken(token))
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of the account with this email; returns how many were live. */
export async function revokeSessionsByEmail(db: Kysely<Database>, email: string): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('revoked_at', 'is', null)
    .where('account_id', 'in', (qb) =>
      qb.selectFrom('accounts').select('id').where('email', '=', email.trim().toLowerCase()),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
