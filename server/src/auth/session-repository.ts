import type { Kysely } from 'kysely';
import { normalizeEmail } from '../../../shared/protocol/auth.js';
import type { Database } from '../db/database.js';
import { hashSessionToken, newSessionToken } from './session-token.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sessions last 30 days from their last renewal; logout or revocation ends them sooner. */
export const SESSION_TTL_MS = 30 * DAY_MS;
/**
 * However often it is used, a session ends 90 days after sign-in: a cookie copied off a
 * device stops working within that time even if the thief keeps it warm.
 */
export const SESSION_MAX_AGE_MS = 90 * DAY_MS;

export async function createSession(
  db: Kysely<Database>,
  accountId: string,
  deviceName: string,
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
      device_name: deviceName,
    })
    .execute();
  return { token, expiresAt };
}

export interface LiveSession {
  id: string;
  accountId: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date | null;
}

/**
 * A live session (not revoked, not expired, younger than SESSION_MAX_AGE_MS) for this cookie
 * token, or undefined.
 */
export async function findLiveSession(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<LiveSession | undefined> {
  const row = await db
    .selectFrom('sessions')
    .select(['id', 'account_id', 'created_at', 'expires_at', 'last_seen_at'])
    .where('token_hash', '=', hashSessionToken(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('created_at', '>', new Date(now.getTime() - SESSION_MAX_AGE_MS))
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      accountId: row.account_id,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      lastSeenAt: row.last_seen_at,
    }
  );
}

/**
 * Sliding expiry: a session used in the second half of its life gets a full TTL again, never
 * past its absolute end, so a phone that syncs at least every two weeks stays signed in until
 * then. Returns the new expiry, or null when no renewal was due.
 */
export async function renewSessionIfDue(
  db: Kysely<Database>,
  session: LiveSession,
  now = new Date(),
): Promise<Date | null> {
  if (session.expiresAt.getTime() - now.getTime() > SESSION_TTL_MS / 2) return null;
  const end = session.createdAt.getTime() + SESSION_MAX_AGE_MS;
  const expiresAt = new Date(Math.min(now.getTime() + SESSION_TTL_MS, end));
  if (expiresAt.getTime() <= session.expiresAt.getTime()) return null;
  await db
    .updateTable('sessions')
    .set({ expires_at: expiresAt })
    .where('id', '=', session.id)
    .execute();
  return expiresAt;
}

export async function revokeSession(db: Kysely<Database>, token: string): Promise<void> {
  await revokeSessionByHash(db, hashSessionToken(token));
}

/** The same by the stored hash: what a sign-out ticket carries (see sign-out-ticket.ts). */
export async function revokeSessionByHash(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: new Date() })
    .where('token_hash', '=', tokenHash)
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
