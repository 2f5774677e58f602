import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports app code, and never changes once released.

/**
 * `photo`: the synced photo rows (the metadata; the bytes are in `photo_bytes` or S3, named by
 * hash), one row per (account, client-made id), with the same column rules as bag and brew
 * (migration 0002): ids, timestamps and hashes as text, ids in the "C" collation for the pull
 * order, numbers as double precision, and the row's pull JSON in `wire` (migration 0003).
 *
 * Besides the pull index, `photo_hash` and `photo_thumb_hash` answer "does this account hold a
 * photo with these bytes?", which a download and the garbage collection ask by hash.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('photo')
    .addColumn('account_id', 'uuid', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('id', sql`text collate "C"`, (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('clocks', 'jsonb', (c) => c.notNull())
    .addColumn('owner_kind', 'text')
    .addColumn('owner_id', 'text')
    .addColumn('position', 'double precision')
    .addColumn('caption', 'text')
    .addColumn('hash', 'text')
    .addColumn('type', 'text')
    .addColumn('thumb_hash', 'text')
    .addColumn('thumb_type', 'text')
    .addColumn('width', 'double precision')
    .addColumn('height', 'double precision')
    .addColumn('bytes', 'double precision')
    .addColumn('deleted_at', 'text')
    .addColumn('wire', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('photo_pkey', ['account_id', 'id'])
    .execute();
  await db.schema
    .createIndex('photo_pull')
    .on('photo')
    .columns(['account_id', 'version', 'id'])
    .execute();
  await db.schema.createIndex('photo_hash').on('photo').columns(['account_id', 'hash']).execute();
  await db.schema
    .createIndex('photo_thumb_hash')
    .on('photo')
    .columns(['account_id', 'thumb_hash'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('photo').execute();
}
