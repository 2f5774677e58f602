import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports app code, and never changes once released.

/**
 * `wire`: each row as the JSON text the pull sends, written by the push together with the
 * columns. Building the JSON in PostgreSQL at pull time (json_build_object, jsonb → text for
 * the clocks) cost about 8 µs a row, most of a 1,000-row page; a push builds it for its own
 * rows only. Rows stored before this migration get the text the pull built until now.
 */
const BAG_JSON = `json_build_object('id', id, 'version', version, 'clocks', clocks,
  'name', name, 'roaster', roaster, 'origin', origin, 'process', process, 'variety', variety,
  'roastLevel', roast_level, 'roastDate', roast_date, 'weightG', weight_g, 'notes', notes,
  'archived', archived, 'deletedAt', deleted_at)::text`;

const BREW_JSON = `json_build_object('id', id, 'version', version, 'clocks', clocks,
  'bagId', bag_id, 'method', method, 'grinder', grinder, 'grindSetting', grind_setting,
  'doseG', dose_g, 'yieldG', yield_g, 'waterG', water_g, 'timeS', time_s, 'tempC', temp_c,
  'taste', taste, 'rating', rating, 'notes', notes, 'brewedAt', brewed_at,
  'deletedAt', deleted_at)::text`;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function up(db: Kysely<any>): Promise<void> {
  for (const [table, json] of [
    ['bag', BAG_JSON],
    ['brew', BREW_JSON],
  ] as const) {
    await sql`alter table ${sql.table(table)} add column wire text`.execute(db);
    await sql`update ${sql.table(table)} set wire = ${sql.raw(json)}`.execute(db);
    await sql`alter table ${sql.table(table)} alter column wire set not null`.execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's table types.
export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table brew drop column wire`.execute(db);
  await sql`alter table bag drop column wire`.execute(db);
}
