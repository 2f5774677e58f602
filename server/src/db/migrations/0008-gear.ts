import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports app code, and never changes once released.

/**
 * Gear: `grinder` and `brewer`, synced rows with the column rules of bag, brew and photo
 * (migrations 0002, 0003, 0007): one row per (account, client-made id), ids and timestamps as
 * text, ids in the "C" collation for the pull order, numbers as double precision, the row's
 * pull JSON in `wire`, and the pull index on (account_id, version, id).
 *
 * A brew gains `grinder_id` and `brewer_id` (text, like `bag_id`: no foreign key, since a
 * brew may arrive before the gear it names). Brews stored before this migration get the two
 * fields in their wire JSON, unset, at the end where the push writes them (the brew's field
 * table lists them last), so every stored wire is the text the push would write for that row.
 */
const GEAR_TABLES = {
  grinder: [
    ['name', 'text'],
    ['scale_kind', 'text'],
    ['scale_step', 'double precision'],
    ['notes', 'text'],
    ['archived', 'boolean'],
    ['deleted_at', 'text'],
  ],
  brewer: [
    ['name', 'text'],
    ['method', 'text'],
    ['default_dose_g', 'double precision'],
    ['default_ratio', 'double precision'],
    ['notes', 'text'],
    ['archived', 'boolean'],
    ['deleted_at', 'text'],
  ],
} as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, columns] of Object.entries(GEAR_TABLES)) {
    let create = db.schema
      .createTable(table)
      .addColumn('account_id', 'uuid', (c) =>
        c.notNull().references('accounts.id').onDelete('cascade'),
      )
      .addColumn('id', sql`text collate "C"`, (c) => c.notNull())
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('clocks', 'jsonb', (c) => c.notNull());
    for (const [column, type] of columns) create = create.addColumn(column, sql.raw(type));
    await create
      .addColumn('wire', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pkey`, ['account_id', 'id'])
      .execute();
    await db.schema
      .createIndex(`${table}_pull`)
      .on(table)
      .columns(['account_id', 'version', 'id'])
      .execute();
  }
  await db.schema.alterTable('brew').addColumn('grinder_id', 'text').execute();
  await db.schema.alterTable('brew').addColumn('brewer_id', 'text').execute();
  await sql`update brew set wire = left(wire, -1) || ',"grinderId":null,"brewerId":null}'`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await sql`update brew set wire = replace(wire, ',"grinderId":null,"brewerId":null}', '}')
    where wire like '%,"grinderId":null,"brewerId":null}'`.execute(db);
  await db.schema.alterTable('brew').dropColumn('brewer_id').execute();
  await db.schema.alterTable('brew').dropColumn('grinder_id').execute();
  await db.schema.dropTable('brewer').execute();
  await db.schema.dropTable('grinder').execute();
}
