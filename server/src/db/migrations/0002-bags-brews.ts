import { type Kysely, sql } from 'kysely';

/**
 * Bags and brews, one row per (account, client-made id). Frozen in time: this file imports
 * no app code, so later changes to the entity specs need a new migration.
 *
 * Column types are chosen so every value comes back exactly as the client sent it:
 * - ids, dates and timestamps are `text`: `uuid` would lower-case an id and `date` /
 *   `timestamptz` would rewrite `2026-11-26T10:00:00+01:00`. The shared validator checks
 *   their shape before they get here.
 * - ids use the "C" collation so SQL orders them byte-wise, exactly like JavaScript string
 *   comparison; the pull cursor relies on both sides agreeing on (version, entity, id) order.
 * - numbers are `double precision`: a JavaScript number round-trips exactly through float8.
 * - `clocks` is `jsonb` ({field: hlc}), `version` the account version of the last change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = sql`text collate "C"`;
  await db.schema
    .createTable('bag')
    .addColumn('account_id', 'uuid', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('id', id, (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('clocks', 'jsonb', (c) => c.notNull())
    .addColumn('name', 'text')
    .addColumn('roaster', 'text')
    .addColumn('origin', 'text')
    .addColumn('process', 'text')
    .addColumn('variety', 'text')
    .addColumn('roast_level', 'text')
    .addColumn('roast_date', 'text')
    .addColumn('weight_g', 'double precision')
    .addColumn('notes', 'text')
    .addColumn('archived', 'boolean')
    .addColumn('deleted_at', 'text')
    .addPrimaryKeyConstraint('bag_pkey', ['account_id', 'id'])
    .execute();
  await db.schema
    .createTable('brew')
    .addColumn('account_id', 'uuid', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('id', id, (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('clocks', 'jsonb', (c) => c.notNull())
    .addColumn('bag_id', 'text')
    .addColumn('method', 'text')
    .addColumn('grinder', 'text')
    .addColumn('grind_setting', 'text')
    .addColumn('dose_g', 'double precision')
    .addColumn('yield_g', 'double precision')
    .addColumn('water_g', 'double precision')
    .addColumn('time_s', 'double precision')
    .addColumn('temp_c', 'double precision')
    .addColumn('taste', 'text')
    .addColumn('rating', 'double precision')
    .addColumn('notes', 'text')
    .addColumn('brewed_at', 'text')
    .addColumn('deleted_at', 'text')
    .addPrimaryKeyConstraint('brew_pkey', ['account_id', 'id'])
    .execute();
  // The pull reads "this account's rows after (version, id)" in that order: one range scan.
  await db.schema
    .createIndex('bag_pull')
    .on('bag')
    .columns(['account_id', 'version', 'id'])
    .execute();
  await db.schema
    .createIndex('brew_pull')
    .on('brew')
    .columns(['account_id', 'version', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('brew').execute();
  await db.schema.dropTable('bag').execute();
}
