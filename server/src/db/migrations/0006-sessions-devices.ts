import type { Kysely } from 'kysely';

// Frozen in time: this file never imports app code, and never changes once released.

/**
 * What the account screen lists about each session:
 * - `device_name`: "Firefox on Android", read from the User-Agent once, when the session is
 *   made (the raw header is not kept: it is a fingerprint, and the name is all the list shows).
 *   Null for sessions made before this migration.
 * - `last_seen_at`: the last signed-in request, written at most every few minutes (see
 *   auth/session-repository.ts); null until then.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('device_name', 'text')
    .addColumn('last_seen_at', 'timestamptz')
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .dropColumn('last_seen_at')
    .dropColumn('device_name')
    .execute();
}
