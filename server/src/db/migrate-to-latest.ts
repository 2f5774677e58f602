import {
  type DatabaseIntrospector,
  type Kysely,
  type Migration,
  Migrator,
  type SchemaMetadata,
  sql,
  type TableMetadata,
} from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001-accounts-sessions.js';
import * as m0002 from './migrations/0002-bags-brews.js';
import * as m0003 from './migrations/0003-wire-json.js';
import * as m0004 from './migrations/0004-auth-attempts.js';
import * as m0005 from './migrations/0005-photo-bytes.js';
import * as m0006 from './migrations/0006-sessions-devices.js';
import * as m0007 from './migrations/0007-photos.js';
import * as m0008 from './migrations/0008-gear.js';
import * as m0009 from './migrations/0009-bag-details-recipes.js';

/**
 * Every migration, in order. Listed statically (not read from the file system) so the built
 * dist/ and tsx run the same set. Names sort in the order they apply.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-accounts-sessions': m0001,
  '0002-bags-brews': m0002,
  '0003-wire-json': m0003,
  '0004-auth-attempts': m0004,
  '0005-photo-bytes': m0005,
  '0006-sessions-devices': m0006,
  '0007-photos': m0007,
  '0008-gear': m0008,
  '0009-bag-details-recipes': m0009,
};

/** The newest migration this build knows; health reports what the database has applied. */
export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) ?? null;

/**
 * Brings the database to the newest migration. Safe to run from several processes at once
 * (Kysely's migrator takes a lock). `schema` must match the search_path the pool uses: Kysely
 * otherwise finds `kysely_migration` in any schema and skips creating it in ours.
 */
export async function migrateToLatest(
  db: Kysely<Database>,
  schema = 'public',
): Promise<{ applied: string[] }> {
  const migrator = schemaMigrator(db, schema);
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed`, { cause: error });
  }
  return {
    applied: (results ?? [])
      .filter((result) => result.status === 'Success')
      .map((result) => result.migrationName),
  };
}

/**
 * Kysely's migrator over `migrations` (all of them unless a test names fewer) for the tables
 * in `schema`, looking only at that schema (see withIntrospectionOf). Tests that migrate step
 * by step take it too: their own Migrator failed the same way.
 */
export function schemaMigrator(
  db: Kysely<Database>,
  schema: string,
  migrations: Record<string, Migration> = MIGRATIONS,
): Migrator {
  return new Migrator({
    db: withIntrospectionOf(db, schema),
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
}

/**
 * `db`, except that its introspection sees one schema. The migrator looks for its own tables by
 * listing every table of every schema, and that listing looks each schema up again by name
 * (`has_schema_privilege(nspname, …)`): a schema another process dropped meanwhile failed the
 * migration with "schema … does not exist" (3F000) before anything was applied — seen when
 * two test files ran at once on one PostgreSQL, one dropping its schema as the other started.
 * The migrator needs only whether its schema and its two tables exist, asked here by name.
 */
function withIntrospectionOf(db: Kysely<Database>, schema: string): Kysely<Database> {
  const introspection: DatabaseIntrospector = {
    async getSchemas(): Promise<SchemaMetadata[]> {
      const { rows } = await sql<{ name: string }>`
        select nspname as name from pg_catalog.pg_namespace where nspname = ${schema}`.execute(db);
      return rows;
    },
    async getTables(): Promise<TableMetadata[]> {
      const { rows } = await sql<{ name: string; isView: boolean }>`
        select c.relname as name, c.relkind = 'v' as "isView"
        from pg_catalog.pg_class c join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
        where ns.nspname = ${schema} and c.relkind in ('r', 'v', 'p')`.execute(db);
      return rows.map((row) => ({ ...row, schema, columns: [] }));
    },
    async getMetadata() {
      return { tables: await this.getTables() };
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value = Reflect.get(target, property, target);
      // Kysely's methods read private fields: call them on the real instance.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
