import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { checkSchemaName } from '../config.js';
import type { Database } from './database.js';
import { pgTypes } from './int8.js';
import { lockDataDir } from './pglite-lock.js';
import { prepareMarkedStatements } from './prepared-statements.js';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** The schema every table lives in (`public` unless DATABASE_SCHEMA says otherwise). */
  schema: string;
  /**
   * The PostgreSQL connection pool, for the metrics' pool gauge. Undefined for PGlite: its
   * pool is an adapter over one serialized session, and its counts would show connections
   * that are not there.
   */
  pool: pg.Pool | undefined;
  close(): Promise<void>;
}

export interface CreateDatabaseOptions {
  /** Errors of idle pooled connections (e.g. PostgreSQL restarting); they must not crash us. */
  onPoolError?: (error: Error) => void;
}

/**
 * Opens the database: PostgreSQL through `pg` when `config.url` is set, otherwise embedded
 * PGlite behind PGlite's node-postgres adapter. Both go through `pg.Pool` + Kysely's
 * PostgresDialect, so results are typed identically (`count(*)` is a string on both; Kysely's own PGlite
 * dialect returns numbers instead) and int8 is parsed by
 * the same `pgTypes`. Does not migrate: call `migrateToLatest(handle.db, handle.schema)`.
 */
export async function createDatabase(
  config: DatabaseConfig,
  options: CreateDatabaseOptions = {},
): Promise<DatabaseHandle> {
  const schema = config.schema === undefined ? 'public' : checkSchemaName(config.schema);
  const onPoolError = options.onPoolError ?? (() => {});
  return config.url === undefined
    ? openPglite(config.dataDir, schema, onPoolError)
    : openPostgres(config.url, schema, onPoolError);
}

async function openPostgres(
  url: string,
  schema: string,
  onPoolError: (error: Error) => void,
): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    types: pgTypes,
    max: 10,
    // A request waiting for a connection to a dead database fails after this instead of
    // hanging: health answers 503 and routes 503 `unavailable`.
    connectionTimeoutMillis: 5_000,
    // search_path is set per connection at startup, so every pooled connection agrees.
    ...(schema === 'public' ? {} : { options: `-c search_path=${schema}` }),
  });
  pool.on('error', onPoolError);
  // pg-pool listens for errors on idle clients only: a connection that dies while checked out
  // between queries (PostgreSQL restarting under load: 57P01) emitted 'error' with no listener
  // and crashed the process (found by `npm run chaos`). The client is then unqueryable, and
  // the pool drops it when it is released.
  pool.on('connect', (client) => {
    client.on('error', onPoolError);
    prepareMarkedStatements(client);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (schema !== 'public') {
      await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
    }
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, kind: 'postgres', schema, pool, close: () => db.destroy() };
}

async function openPglite(
  dataDir: string,
  schema: string,
  onPoolError: (error: Error) => void,
): Promise<DatabaseHandle> {
  let unlock = async () => {};
  if (!dataDir.startsWith('memory://')) {
    await mkdir(dataDir, { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  const pglite = new PGlite(dataDir);
  try {
    await pglite.waitReady;
  } catch (error) {
    await unlock();
    throw error;
  }
  if (schema !== 'public') {
    // PGlite is a single session shared by every pooled "connection", so setting the
    // search_path once here holds for all of them.
    await pglite.exec(`create schema if not exists "${schema}"; set search_path to "${schema}"`);
  }
  // createPgConfig's properties are plain fields: spreading keeps the PGlite connection.
  const pool = new pg.Pool({ ...createPgConfig(pglite), types: pgTypes });
  pool.on('error', onPoolError);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    schema,
    pool: undefined,
    close: async () => {
      await db.destroy();
      await pglite.close();
      await unlock();
    },
  };
}
