import { randomUUID } from 'node:crypto';
import { type Kysely, type Migration, type Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPatch, type MergeableRow } from '../../shared/merge.js';
import type { Entity } from '../../shared/model/entities.js';
import { createDatabase, type DatabaseHandle } from '../src/db/create-database.js';
import type { Database } from '../src/db/database.js';
import { schemaMigrator } from '../src/db/migrate-to-latest.js';
import * as m0001 from '../src/db/migrations/0001-accounts-sessions.js';
import * as m0002 from '../src/db/migrations/0002-bags-brews.js';
import * as m0003 from '../src/db/migrations/0003-wire-json.js';
import * as m0009 from '../src/db/migrations/0009-bag-details-recipes.js';
import { toDb, wireJson } from '../src/sync/columns.js';

/**
 * Migration 0003 fills `wire` for rows stored before it; the push writes it from then on.
 * Both must give the pull the same row: the backfill (json_build_object in PostgreSQL, with
 * the fields later migrations append) and `wireJson` (in the push) parse to identical
 * objects, odd values included.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001-accounts-sessions': m0001,
  '0002-bags-brews': m0002,
  '0003-wire-json': m0003,
  // It appends the bag fields it adds to every stored bag's wire JSON, as the push writes them.
  '0009-bag-details-recipes': m0009,
};

let handle: DatabaseHandle;
let db: Kysely<Database>;
let schema: string | undefined;

function migrator(): Migrator {
  return schemaMigrator(db, handle.schema, MIGRATIONS);
}

beforeAll(async () => {
  const url = process.env.DATABASE_URL || undefined;
  schema = url === undefined ? undefined : `test_${randomUUID().replaceAll('-', '')}`;
  handle = await createDatabase({ url, dataDir: 'memory://', schema });
  db = handle.db;
});
afterAll(async () => {
  if (schema !== undefined) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
  await handle?.close();
});

const HLC = '0001764151200000-0000-dev';

function row(entity: Entity, patch: Record<string, unknown>): MergeableRow {
  return applyPatch(entity, undefined, randomUUID(), patch, HLC).row;
}

describe('migration 0003-wire-json', () => {
  it('backfills the wire JSON the push would have written', async () => {
    expect((await migrator().migrateTo('0002-bags-brews')).error).toBeUndefined();
    const accountId = randomUUID();
    await sql`insert into accounts (id, email, password_hash)
      values (${accountId}, ${`${accountId}@example.com`}, 'x')`.execute(db);
    const rows: [Entity, MergeableRow][] = [
      ['bag', row('bag', { name: 'Guji "natural" \\ ☕ 😀', weightG: 0.1, archived: false })],
      ['bag', row('bag', { name: 'line\nbreak\ttab\u0001', weightG: 1e-7 })],
      ['brew', row('brew', { method: 'espresso', doseG: 18.25, rating: 4.5, timeS: 1e21 })],
      ['brew', row('brew', { doseG: -0, notes: '' })],
    ];
    for (const [entity, stored] of rows) {
      // Only the columns the 0002 table has: wire and later fields (0009) come by migration.
      const { rows: columns } = await sql<{ name: string }>`select column_name as name
        from information_schema.columns
        where table_schema = current_schema() and table_name = ${entity}`.execute(db);
      const has = new Set(columns.map((c) => c.name));
      const values = Object.fromEntries(
        Object.entries(toDb(entity, accountId, stored, 7)).filter(([column]) => has.has(column)),
      );
      await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .insertInto(entity)
        .values(values)
        .execute();
    }

    expect((await migrator().migrateToLatest()).error).toBeUndefined();

    for (const [entity, stored] of rows) {
      const { rows: found } = await sql<{ wire: string }>`select wire from ${sql.table(entity)}
        where account_id = ${accountId} and id = ${stored.id}`.execute(db);
      const backfilled = JSON.parse(found[0]?.wire ?? 'null');
      // The push's wire as it was at 0003: without the gear fields (0008 appends those).
      const { grinderId: _g, brewerId: _b, ...pushed } = JSON.parse(wireJson(entity, stored, 7));
      expect(backfilled).toEqual(pushed);
      expect(Object.keys(backfilled)).toEqual(Object.keys(pushed));
    }
  });
});
