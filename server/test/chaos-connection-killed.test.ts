import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/create-database.js';
import { toErrorBody } from '../src/errors/error-handler.js';

// PostgreSQL restarting under load kills connections that are checked out between two
// queries of a transaction. pg emits that as an 'error' event on the client, which crashed
// the server when nobody listened. The full fault is in `npm run chaos` (a private
// PostgreSQL stopped and started under 200 devices); this reproduces its core on the shared
// server by terminating only our own backend, with the same error (57P01).
const databaseUrl = process.env.DATABASE_URL || undefined;
const schema = `test_${randomUUID().replaceAll('-', '')}`;

describe.skipIf(databaseUrl === undefined)('a database connection killed mid-transaction', () => {
  const admin = new pg.Client({ connectionString: databaseUrl });
  afterAll(async () => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it('is reported, fails only its own transaction, and the pool carries on', async () => {
    await admin.connect();
    const poolErrors: Error[] = [];
    const database = await createDatabase(
      { url: databaseUrl, dataDir: 'memory://', schema },
      { onPoolError: (error) => poolErrors.push(error) },
    );
    try {
      const transaction = database.db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        await admin.query('select pg_terminate_backend($1)', [rows[0]?.pid]);
        // The 'error' event arrives while this client is checked out and idle.
        for (let i = 0; i < 50 && poolErrors.length === 0; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await sql`select 1`.execute(trx);
      });
      const failure = await transaction.then(
        () => undefined,
        (error: unknown) => error,
      );
      // pg says "Client has encountered a connection error and is not queryable": the route
      // answers 503 unavailable (retry later; nothing was written), not 500.
      expect(toErrorBody(failure)).toMatchObject({ statusCode: 503, code: 'unavailable' });
      expect(poolErrors.map((error) => (error as Error & { code?: string }).code)).toContain(
        '57P01',
      );
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await database.close();
    }
  });
});
