import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports app code, and never changes once released.

/**
 * `photo_bytes`: the encoded images of the PostgreSQL photo store, one row per (account, hash).
 * - Keyed by account first, like every table: one account never reads another's bytes, even
 *   when both uploaded the same image, and the account id stays the distribution key.
 * - `hash` is the SHA-256 of `bytes` in lower-case hex, so the same upload is the same row.
 * - `uploaded_at` is the time of the latest upload of these bytes; garbage collection spares
 *   bytes younger than its retention, whose photo row may not have been pushed yet.
 * - `bytes` is stored `external` (out of line, uncompressed): JPEG, WebP and PNG are already
 *   compressed, so PostgreSQL's attempt to compress them again would only cost time.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('photo_bytes')
    .addColumn('account_id', 'uuid', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('photo_bytes_pkey', ['account_id', 'hash'])
    .addCheckConstraint('photo_bytes_hash_sha256_hex', sql`hash ~ '^[0-9a-f]{64}$'`)
    .execute();
  await sql`alter table photo_bytes alter column bytes set storage external`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('photo_bytes').execute();
}
