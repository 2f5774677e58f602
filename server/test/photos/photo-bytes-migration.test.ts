import { randomUUID } from 'node:crypto';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../src/db/create-database.js';
import type { Database } from '../../src/db/database.js';
import { MIGRATIONS, migrateToLatest } from '../../src/db/migrate-to-latest.js';

let handle: DatabaseHandle;
let db: Kysely<Database>;
let schema: string | undefined;

beforeAll(async () => {
  const url = process.env.DATABASE_URL || undefined;
  schema = url === undefined ? undefined : `test_${randomUUID().replaceAll('-', '')}`;
  handle = await createDatabase({ url, dataDir: 'memory://', schema });
  db = handle.db;
  await migrateToLatest(db, handle.schema);
});
afterAll(async () => {
  if (schema !== undefined) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
  await handle?.close();
});

async function newAccount(): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('accounts')
    .values({ id, email: `${id}@example.com`, password_hash: 'x' })
    .execute();
  return id;
}

describe('migration 0005-photo-bytes', () => {
  it('holds only SHA-256 hex names, and stores bytes out of line uncompressed', async () => {
    const account = await newAccount();
    const row = { account_id: account, type: 'image/jpeg', bytes: new Uint8Array([1]) };
    await expect(
      db
        .insertInto('photo_bytes')
        .values({ ...row, hash: 'A'.repeat(64) })
        .execute(),
    ).rejects.toThrow(/photo_bytes_hash_sha256_hex/);
    await db
      .insertInto('photo_bytes')
      .values({ ...row, hash: 'a'.repeat(64) })
      .execute();
    const { rows } = await sql<{ storage: string }>`select attstorage as storage
      from pg_attribute where attrelid = 'photo_bytes'::regclass and attname = 'bytes'`.execute(db);
    expect(rows[0]?.storage).toBe('e');
  });

  it("deletes an account's bytes with the account", async () => {
    const account = await newAccount();
    const row = { account_id: account, type: 'image/png', bytes: new Uint8Array([2]) };
    await db
      .insertInto('photo_bytes')
      .values({ ...row, hash: 'b'.repeat(64) })
      .execute();
    await db.deleteFrom('accounts').where('id', '=', account).execute();
    const left = await db
      .selectFrom('photo_bytes')
      .select('hash')
      .where('account_id', '=', account)
      .execute();
    expect(left).toEqual([]);
  });

  it('goes down and up again', async () => {
    const migrator = new Migrator({
      db,
      provider: {
        getMigrations: async () => MIGRATIONS,
      },
      migrationTableSchema: handle.schema,
    });
    // Down past 0005 (and the later migrations that come before it in undoing), then up again.
    expect((await migrator.migrateTo('0004-auth-attempts')).error).toBeUndefined();
    await expect(sql`select 1 from photo_bytes`.execute(db)).rejects.toThrow();
    await expect(sql`select 1 from photo`.execute(db)).rejects.toThrow();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await sql`select 1 from photo_bytes`.execute(db);
    await sql`select 1 from photo`.execute(db);
  });
});
