import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/database.js';

/** Rows in the auth tables, to assert that a refused request wrote nothing. */
export async function authRowCounts(
  db: Kysely<Database>,
): Promise<{ accounts: number; sessions: number; liveSessions: number }> {
  const [accounts, sessions, live] = await Promise.all([
    db
      .selectFrom('accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { accounts: accounts.n, sessions: sessions.n, liveSessions: live.n };
}
