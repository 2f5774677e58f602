import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../src/db/create-database.js';
import { migrateToLatest } from '../src/db/migrate-to-latest.js';

const databaseUrl = process.env.DATABASE_URL || undefined;

/**
 * Test files share one PostgreSQL, each in a schema of its own that it drops at the end. The
 * migrator lists every schema's tables before it takes its lock, and a schema dropped during
 * that listing failed another file's migration with "schema … does not exist" (seen in CI
 * with two files at once). Here schemas are created and dropped beside migrations all along.
 */
describe.skipIf(databaseUrl === undefined)('migrating while other schemas are dropped', () => {
  it('brings every fresh schema to the newest migration', async () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    let churning = true;
    const churn = (async () => {
      while (churning) {
        const name = `churn_${randomUUID().replaceAll('-', '')}`;
        await admin.query(`create schema ${name}; create table ${name}.t (id int)`);
        await admin.query(`drop schema ${name} cascade`);
      }
    })();
    const schemas: string[] = [];
    try {
      for (let i = 0; i < 12; i += 1) {
        const schema = `test_${randomUUID().replaceAll('-', '')}`;
        schemas.push(schema);
        const handle = await createDatabase({ url: databaseUrl, dataDir: 'memory://', schema });
        try {
          const { applied } = await migrateToLatest(handle.db, handle.schema);
          expect(applied.length).toBeGreaterThan(0);
        } finally {
          await handle.close();
        }
      }
    } finally {
      churning = false;
      await churn;
      for (const schema of schemas) await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  });
});
