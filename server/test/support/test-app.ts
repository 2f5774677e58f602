import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { buildApp } from '../../src/app.js';
import type { AuthRateLimit, MetricsConfig, TrustProxy } from '../../src/config.js';
import { createDatabase } from '../../src/db/create-database.js';
import type { Database } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate-to-latest.js';
import { startMetrics } from '../../src/metrics/start-metrics.js';
import type { PhotoRouteOptions } from '../../src/photos/photo-routes.js';

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<Database>;
  kind: 'pglite' | 'postgres';
  /** The separate metrics listener, when `metrics.port` was given. */
  metricsListener: FastifyInstance | undefined;
  close(): Promise<void>;
}

export interface TestAppOptions {
  testHooks?: boolean;
  /** Defaults to limits no test reaches; rate-limit tests pass low ones. */
  authRateLimit?: AuthRateLimit;
  staticDir?: string | null;
  /** Honour X-Forwarded-Proto/For, as behind a proxy (to test Secure cookies, per-IP limits). */
  trustProxy?: TrustProxy;
  publicUrl?: URL;
  /** The photo store and limits, given the app's database; its own store and the defaults when unset. */
  photos?: (db: Kysely<Database>) => PhotoRouteOptions;
  /** The metrics settings, started as main.ts starts them; off when unset. */
  metrics?: MetricsConfig;
}

const UNREACHABLE_LIMITS: AuthRateLimit = {
  ipMax: 100_000,
  emailMax: 100_000,
  pairMax: 100_000,
  windowMs: 60_000,
  delayBaseMs: 0,
  delayMaxMs: 0,
};

/**
 * The whole app on a fresh database: in-memory PGlite, or — when DATABASE_URL is set — real
 * PostgreSQL in a new schema of its own, dropped on close, so parallel runs never collide.
 * PGlite takes ~2 s to start: share one per test file (beforeAll/afterAll).
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const url = process.env.DATABASE_URL || undefined;
  const schema = url === undefined ? undefined : `test_${randomUUID().replaceAll('-', '')}`;
  const database = await createDatabase({ url, dataDir: 'memory://', schema });
  await migrateToLatest(database.db, database.schema);
  const metrics = await startMetrics(
    options.metrics ?? { port: undefined, host: '127.0.0.1', token: undefined },
    database.pool,
  );
  const app = await buildApp({
    db: database.db,
    testHooks: options.testHooks ?? false,
    staticDir: options.staticDir ?? null,
    authRateLimit: options.authRateLimit ?? UNREACHABLE_LIMITS,
    trustProxy: options.trustProxy ?? false,
    publicUrl: options.publicUrl,
    ...(options.photos === undefined ? {} : { photos: options.photos(database.db) }),
    metrics: metrics.app,
  });
  await app.ready();
  return {
    app,
    db: database.db,
    kind: database.kind,
    metricsListener: metrics.listener,
    close: async () => {
      await app.close();
      await metrics.close();
      if (schema !== undefined) {
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db);
      }
      await database.close();
    },
  };
}

export const TEST_PASSWORD = 'correct horse battery';

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomUUID()}@example.com`;
}

/** `dialin_session=…` from a Set-Cookie header, ready for a `cookie` request header. */
export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const header = [setCookie ?? []].flat().find((value) => value.startsWith('dialin_session='));
  const pair = header?.split(';')[0];
  if (pair === undefined || pair === 'dialin_session=') throw new Error('no session cookie set');
  return pair;
}

/** Signs up a new account through the real route; returns its session cookie and id. */
export async function signUp(
  app: FastifyInstance,
  email: string = uniqueEmail(),
): Promise<{ cookie: string; accountId: string; email: string }> {
  const response = await app.inject({
    method: 'POST',
    url: ROUTES.auth.signup.path,
    payload: { email, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 201) {
    throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  }
  const body = response.json() as { account: { id: string; email: string } };
  return {
    cookie: sessionCookieOf(response.headers['set-cookie']),
    accountId: body.account.id,
    email: body.account.email,
  };
}

/** Logs in to an existing account as a device with this User-Agent; returns its cookie. */
export async function logIn(
  app: FastifyInstance,
  email: string,
  userAgent = 'test',
  password = TEST_PASSWORD,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: ROUTES.auth.login.path,
    headers: { 'user-agent': userAgent },
    payload: { email, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  }
  return sessionCookieOf(response.headers['set-cookie']);
}
