import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { AuthRateLimit } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import {
  type Attempt,
  type AttemptCounts,
  clearFailures,
  forgetAttempt,
  recordAttempt,
} from './attempt-repository.js';

/**
 * Why an attempt is refused, or null when it may go on to the password check. Only attempts
 * that did not succeed count, so nobody can lock the owner out: an address with no failures
 * against an email always gets its password checked, even while that email is under attack.
 * An address that has failed on an email is refused after `pairMax` failures, or as soon as
 * the email has `emailMax` failures from anywhere (a botnet gets one guess per address).
 */
function refusal(kind: Attempt['kind'], counts: AttemptCounts, limits: AuthRateLimit) {
  if (counts.address >= limits.ipMax) return 'from this address';
  if (kind === 'signup') return null;
  if (counts.pair >= limits.pairMax) return 'for this account from this address';
  if (counts.email >= limits.emailMax && counts.pair > 0) return 'for this account';
  return null;
}

/** Doubles with each failure of this address on this email, and with the email's own failures. */
function delayMs(counts: AttemptCounts, limits: AuthRateLimit): number {
  const failures = Math.max(counts.pair, Math.floor(counts.email / limits.pairMax));
  if (failures === 0 || limits.delayBaseMs === 0) return 0;
  return Math.min(limits.delayMaxMs, limits.delayBaseMs * 2 ** (failures - 1));
}

/**
 * Admits a login or signup attempt, or refuses it with 429 `rate_limited`. Admitted attempts
 * are recorded and count as failures until `succeeded` is called. The wait for earlier
 * failures comes before the password check, so timing cannot tell a right guess early.
 */
export async function admitAttempt(
  db: Kysely<Database>,
  limits: AuthRateLimit,
  attempt: Attempt,
): Promise<{ succeeded(): Promise<void> }> {
  const now = new Date();
  const { id, counts } = await recordAttempt(db, attempt, limits.windowMs, now);
  const refused = refusal(attempt.kind, counts, limits);
  if (refused !== null) {
    await forgetAttempt(db, id);
    const oldest = counts.oldest?.getTime() ?? now.getTime();
    const retryAfterS = Math.max(1, Math.ceil((oldest + limits.windowMs - now.getTime()) / 1000));
    throw new AppError(
      429,
      'rate_limited',
      `Too many failed attempts ${refused}; try again in ${retryAfterS} s.`,
      { retryAfterS },
    );
  }
  const wait = delayMs(counts, limits);
  if (wait > 0) await sleep(wait);
  return {
    succeeded: () =>
      attempt.kind === 'login'
        ? clearFailures(db, attempt.email, attempt.address)
        : Promise.resolve(),
  };
}
