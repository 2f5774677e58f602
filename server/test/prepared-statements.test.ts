import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/create-database.js';
import { migrateToLatest } from '../src/db/migrate-to-latest.js';
import { readPage } from '../src/sync/pull-repository.js';

// The pull statement is planned once per PostgreSQL connection (server/src/db/
// prepared-statements.ts): each of its texts shows in pg_prepared_statements after one pull,
// stays one entry however often it runs, and answers the same rows as an unprepared run.
const databaseUrl = process.env.DATABASE_URL || undefined;
const schema = `test_${randomUUID().replaceAll('-', '')}`;

describe.skipIf(databaseUrl === undefined)('the pull as a prepared statement', () => {
  const admin = new pg.Client({ connectionString: databaseUrl });
  afterAll(async () => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it('is prepared once per connection and pulls what was written', async () => {
    await admin.connect();
    const database = await createDatabase({ url: databaseUrl, dataDir: 'memory://', schema });
    try {
      await migrateToLatest(database.db, database.schema);
      const accountId = randomUUID();
      await sql`insert into accounts (id, email, password_hash, version)
        values (${accountId}, ${`${accountId}@example.com`}, 'x', 1)`.execute(database.db);
      const bagId = randomUUID();
      const wire = JSON.stringify({ id: bagId, clocks: {}, name: 'Kenya AA', version: 1 });
      await sql`insert into bag (account_id, id, version, clocks, name, wire)
        values (${accountId}, ${bagId}, 1, '{}'::jsonb, 'Kenya AA', ${wire})`.execute(database.db);

      const start = { version: 0, entity: 'bag', id: '' } as const;
      await database.db.connection().execute(async (connection) => {
        const prepared = async () => {
          const { rows } = await sql<{ n: string }>`select count(*) as n from pg_prepared_statements
            where statement like '/* prepared */%'`.execute(connection);
          return Number(rows[0]?.n);
        };
        expect(await prepared()).toBe(0);
        const first = await readPage(connection, accountId, start, 100);
        expect(await prepared()).toBe(1);
        for (let i = 0; i < 7; i += 1) {
          // Past PostgreSQL's five custom plans, where a generic plan may take over.
          expect(await readPage(connection, accountId, start, 100)).toEqual(first);
        }
        expect(await prepared()).toBe(1);
        expect(first.count).toBe(1);
        expect(first.json.bag).toContain('Kenya AA');
        const after = await readPage(connection, accountId, first.last ?? start, 100);
        expect(after.count).toBe(0);
      });
    } finally {
      await database.close();
    }
  });
});
