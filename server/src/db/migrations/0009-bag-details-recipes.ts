import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports app code, and never changes once released.

/**
 * Bags gain the fields a barista expects (region, farm, opened date, price, flavour notes,
 * decaf, rating), and `recipe` holds a bag's target per method, with the column rules of
 * migration 0002 (ids, dates and timestamps as text, ids in the "C" collation, numbers as
 * double precision) and the row's pull JSON in `wire` (0003).
 *
 * A bag stored before this migration has wire JSON without the new fields, which the pull
 * schema requires: each gets them as null, appended in the order the field table lists them,
 * which is the text a push now writes for such a row. The append is textual (the wire ends
 * in `}`): a jsonb round trip would reorder the keys and reformat the numbers.
 */
const BAG_COLUMNS = [
  ['region', 'text'],
  ['farm', 'text'],
  ['opened_date', 'text'],
  ['price', 'double precision'],
  ['flavour_notes', 'text'],
  ['decaf', 'boolean'],
  ['rating', 'double precision'],
] as const;
const BAG_WIRE_TAIL =
  ',"region":null,"farm":null,"openedDate":null,"price":null,"flavourNotes":null,"decaf":null,"rating":null}';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  const add = BAG_COLUMNS.map(([column, type]) => `add column ${column} ${type}`).join(', ');
  await sql`alter table bag ${sql.raw(add)}`.execute(db);
  await sql`update bag set wire = left(wire, -1) || ${BAG_WIRE_TAIL}`.execute(db);

  await db.schema
    .createTable('recipe')
    .addColumn('account_id', 'uuid', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('id', sql`text collate "C"`, (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('clocks', 'jsonb', (c) => c.notNull())
    .addColumn('bag_id', 'text')
    .addColumn('method', 'text')
    .addColumn('dose_g', 'double precision')
    .addColumn('ratio', 'double precision')
    .addColumn('time_min_s', 'double precision')
    .addColumn('time_max_s', 'double precision')
    .addColumn('temp_c', 'double precision')
    .addColumn('deleted_at', 'text')
    .addColumn('wire', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('recipe_pkey', ['account_id', 'id'])
    .execute();
  await db.schema
    .createIndex('recipe_pull')
    .on('recipe')
    .columns(['account_id', 'version', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up().
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('recipe').execute();
  await sql`update bag set wire = left(wire, ${-BAG_WIRE_TAIL.length}::int) || '}'`.execute(db);
  const drop = BAG_COLUMNS.map(([column]) => `drop column ${column}`).join(', ');
  await sql`alter table bag ${sql.raw(drop)}`.execute(db);
}
