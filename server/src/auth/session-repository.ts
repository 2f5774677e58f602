import type { Kysely } from 'kysely';
import { normalizeEmail } from '../../../shared/protocol/auth.js';
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

export interface LiveSession {
  id: string;
  accountId: string;
  expiresAt: Date;
}

/** A live session (not revoked, not expired) for this cookie token, or undefined. */
export async function findLiveSession(
  db: Kysely<Database>,
  token: string,
): Promise<LiveSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'account_id', 'expires_at'])
    .where('token_hash', '=', hashSessionToken(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row && { id: row.id, accountId: row.account_id, expiresAt: row.expires_at };
}

/**
 * Sliding expiry: a session used in the second half of its life gets a full TTL again, so a
 * phone that syncs at least every two weeks is never signed out. Returns the new expiry, or
 * null when no renewal was due.
 */
export async function renewSessionIfDue(
  db: Kysely<Database>,
  session: LiveSession,
  now = new Date(),
): Promise<Date | null> {
  if (session.expiresAt.getTime() - now.getTime() > SESSION_TTL_MS / 2) return null;
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db
    .updateTable('sessions')
    .set({ expires_at: expiresAt })
    .where('id', '=', session.id)
    .execute();
  return expiresAt;
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
      qb.selectFrom('accounts').select('id').where('email', '=', normalizeEmail(email)),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
