import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports app code, and never changes once released.
// Login and signup attempts, so every server instance on this database counts the same ones.

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_attempts')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('login', 'signup')`))
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('auth_attempts_email_at')
    .on('auth_attempts')
    .columns(['email', 'at'])
    .execute();
  await db.schema
    .createIndex('auth_attempts_address_at')
    .on('auth_attempts')
    .columns(['address', 'at'])
    .execute();
  await db.schema.createIndex('auth_attempts_at').on('auth_attempts').column('at').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('auth_attempts').execute();
}
