import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

export interface Attempt {
  kind: 'login' | 'signup';
  email: string;
  address: string;
}

/** Earlier attempts still inside the window, as the limiter weighs them. */
export interface AttemptCounts {
  /** Unsucceeded logins against this email, from any address. */
  email: number;
  /** Unsucceeded logins against this email from this address. */
  pair: number;
  /** Unsucceeded logins and signups from this address, any email. */
  address: number;
  /** The oldest of the rows that were counted, for Retry-After. */
  oldest: Date | null;
}

/**
 * Records the attempt before its password is checked and returns the counts of the attempts
 * before it. Recording first means concurrent guesses see each other: a burst cannot all pass
 * a count taken before any of them was written. Rows older than the window go first.
 */
export async function recordAttempt(
  db: Kysely<Database>,
  attempt: Attempt,
  windowMs: number,
  now = new Date(),
): Promise<{ id: string; counts: AttemptCounts }> {
  const since = new Date(now.getTime() - windowMs);
  const id = crypto.randomUUID();
  await db.deleteFrom('auth_attempts').where('at', '<=', since).execute();
  await db
    .insertInto('auth_attempts')
    .values({ id, ...attempt, at: now })
    .execute();
  const row = await db
    .selectFrom('auth_attempts')
    .select((eb) => [
      eb.fn
        .countAll<number>()
        .filterWhere((w) => w.and([w('kind', '=', 'login'), w('email', '=', attempt.email)]))
        .as('email'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) =>
          w.and([
            w('kind', '=', 'login'),
            w('email', '=', attempt.email),
            w('address', '=', attempt.address),
          ]),
        )
        .as('pair'),
      eb.fn.countAll<number>().filterWhere('address', '=', attempt.address).as('address'),
      eb.fn.min('at').as('oldest'),
    ])
    .where('at', '>', since)
    .where('id', '!=', id)
    .where((w) => w.or([w('email', '=', attempt.email), w('address', '=', attempt.address)]))
    .executeTakeFirstOrThrow();
  return {
    id,
    counts: {
      email: Number(row.email),
      pair: Number(row.pair),
      address: Number(row.address),
      oldest: row.oldest === null ? null : new Date(row.oldest),
    },
  };
}

/** A refused attempt is not counted: only the ones that reached the password check weigh. */
export async function forgetAttempt(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('auth_attempts').where('id', '=', id).execute();
}

/** A correct password clears this address's failures against this email. */
export async function clearFailures(
  db: Kysely<Database>,
  email: string,
  address: string,
): Promise<void> {
  await db
    .deleteFrom('auth_attempts')
    .where('kind', '=', 'login')
    .where('email', '=', email)
    .where('address', '=', address)
    .execute();
}
