import { loadConfig } from './config.js';
import { createDatabase } from './db/create-database.js';
import { migrateToLatest } from './db/migrate-to-latest.js';

/**
 * `npm run migrate`: brings the configured database (DATABASE_URL, DATA_DIR, DATABASE_SCHEMA)
 * to the newest migration and exits. The server also migrates at start; this is for
 * deployments that migrate as a separate step (docker-compose).
 */
async function migrate(): Promise<void> {
  const database = await createDatabase(loadConfig().database);
  try {
    const { applied } = await migrateToLatest(database.db, database.schema);
    console.log(
      applied.length === 0
        ? `Database (${database.kind}) is up to date.`
        : `Applied to ${database.kind}: ${applied.join(', ')}`,
    );
  } finally {
    await database.close();
  }
}

migrate().catch((error: unknown) => {
  console.error('Migration failed:', error);
  process.exit(1);
});
