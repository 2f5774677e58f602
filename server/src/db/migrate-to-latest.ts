import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001-accounts-sessions.js';
import * as m0002 from './migrations/0002-bags-brews.js';
import * as m0003 from './migrations/0003-wire-json.js';
import * as m0004 from './migrations/0004-auth-attempts.js';
import * as m0005 from './migrations/0005-photo-bytes.js';
import * as m0006 from './migrations/0006-sessions-devices.js';
import * as m0007 from './migrations/0007-photos.js';

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
};

const provider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
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
  const migrator = new Migrator({ db, provider, migrationTableSchema: schema });
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
