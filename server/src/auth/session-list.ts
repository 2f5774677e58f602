import type { Kysely } from 'kysely';
import type { SessionInfo } from '../../../shared/protocol/session.js';
import type { Database } from '../db/database.js';
import { SESSION_MAX_AGE_MS } from './session-repository.js';

/**
 * The sessions a person controls from the account screen: list, end one, end all others.
 * Every query is scoped to the account, so a session id of another account is simply not
 * found. Live means what findLiveSession means: not revoked, not expired, within its
 * absolute lifetime.
 */

/** `last_seen_at` is written at most this often: a sync every 30 s must not mean a write each. */
export const LAST_SEEN_STEP_MS = 5 * 60 * 1000;

function liveSessions(db: Kysely<Database>, accountId: string, now: Date) {
  return db
    .selectFrom('sessions')
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .where('created_at', '>', new Date(now.getTime() - SESSION_MAX_AGE_MS));
}

/** This session first, then the most recently seen. */
export async function listSessions(
  db: Kysely<Database>,
  accountId: string,
  currentId: string,
  now = new Date(),
): Promise<SessionInfo[]> {
  const rows = await liveSessions(db, accountId, now)
    .select(['id', 'device_name', 'created_at', 'last_seen_at'])
    .execute();
  const sessions = rows.map((row) => ({
    id: row.id,
    device: row.device_name ?? 'Unknown device',
    createdAt: row.created_at.toISOString(),
    lastSeenAt: (row.last_seen_at ?? row.created_at).toISOString(),
    current: row.id === currentId,
  }));
  return sessions.sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
}

/** Ends one live session of the account; false when it has none by that id. */
export async function revokeSessionOfAccount(
  db: Kysely<Database>,
  accountId: string,
  sessionId: string,
  now = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', 'in', liveSessions(db, accountId, now).select('id'))
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Ends every live session of the account but `keepId`; returns how many. */
export async function revokeOtherSessions(
  db: Kysely<Database>,
  accountId: string,
  keepId: string,
  now = new Date(),
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', 'in', liveSessions(db, accountId, now).select('id'))
    .where('id', '!=', keepId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Records a signed-in request, unless one was recorded less than LAST_SEEN_STEP_MS ago. */
export async function touchSessionIfDue(
  db: Kysely<Database>,
  session: { id: string; lastSeenAt: Date | null },
  now = new Date(),
): Promise<void> {
  if (
    session.lastSeenAt !== null &&
    now.getTime() - session.lastSeenAt.getTime() < LAST_SEEN_STEP_MS
  ) {
    return;
  }
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now })
    .where('id', '=', session.id)
    .execute();
}
