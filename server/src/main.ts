import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { createDatabase, type DatabaseHandle } from './db/create-database.js';
import { migrateToLatest } from './db/migrate-to-latest.js';
import { startMetrics } from './metrics/start-metrics.js';
import { createPhotoStore } from './photos/create-photo-store.js';
import { loadPhotoConfig } from './photos/photo-config.js';
import { startPhotoGcJob } from './photos/photo-gc-job.js';

/**
 * The server process: open the database, migrate, listen, and close gracefully on SIGTERM or
 * SIGINT (in-flight requests finish, then the database closes — PGlite must flush its files).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const photoConfig = loadPhotoConfig(process.env);
  let app: FastifyInstance | undefined;
  const database: DatabaseHandle = await createDatabase(config.database, {
    onPoolError: (error) => app?.log.warn({ err: error }, 'idle database connection failed'),
  });
  const { applied } = await migrateToLatest(database.db, database.schema);
  const photos = await createPhotoStore(photoConfig.store, database.db);
  const metrics = await startMetrics(config.metrics, database.pool);

  app = await buildApp({
    db: database.db,
    testHooks: config.testHooks,
    staticDir: config.staticDir,
    authRateLimit: config.authRateLimit,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    logger: { level: config.logLevel },
    metrics: metrics.app,
    photos: {
      store: photos.store,
      quotaBytes: photoConfig.quotaBytes,
      retentionMs: photoConfig.retentionMs,
    },
  });
  if (applied.length > 0) app.log.info({ applied }, 'migrations applied');
  const log = app.log;
  const stopPhotoGc = startPhotoGcJob({
    db: database.db,
    store: photos.store,
    retentionMs: photoConfig.retentionMs,
    onResult: (result) => log.info(result, 'photo garbage collected'),
    onError: (error) => log.error({ err: error }, 'photo garbage collection failed'),
  });

  if (metrics.listener !== undefined) {
    log.info({ address: metrics.listener.server.address() }, 'metrics listening');
  }

  closeOnSignals(app, database, async () => {
    stopPhotoGc();
    photos.close();
    await metrics.close();
  });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  // Test harnesses parse this exact line: /listening on (http:\/\/\S+)/.
  console.log(`Dial-in listening on http://${host}:${port}`);
}

/** How long in-flight requests get to finish before the process exits anyway. */
const CLOSE_TIMEOUT_MS = 10_000;

function closeOnSignals(
  app: FastifyInstance,
  database: DatabaseHandle,
  closeOthers: () => Promise<void>,
): void {
  let closing = false;
  const close = async (signal: NodeJS.Signals) => {
    // Repeats are normal (a process group signalled while tsx or npm relays the same signal):
    // the first one closes, the timeout below bounds how long that may take.
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'closing');
    setTimeout(() => {
      console.error(`Dial-in did not close within ${CLOSE_TIMEOUT_MS} ms; exiting.`);
      process.exit(1);
    }, CLOSE_TIMEOUT_MS).unref();
    try {
      await app.close();
      await closeOthers();
      await database.close();
      console.log('Dial-in closed');
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'close failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', close);
  process.on('SIGINT', close);
}

main().catch((error: unknown) => {
  console.error('Dial-in failed to start:', error);
  process.exit(1);
});
