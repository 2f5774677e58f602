import { resolve } from 'node:path';

/** Where the data lives: PostgreSQL when `url` is set, embedded PGlite in `dataDir` otherwise. */
export interface DatabaseConfig {
  /** A PostgreSQL connection string; wins over `dataDir`. */
  url?: string | undefined;
  /** PGlite data directory, or `memory://` for an in-memory database. */
  dataDir: string;
  /** Create and use this schema instead of `public` (how test runs share one PostgreSQL). */
  schema?: string | undefined;
}

/** Login and signup attempts allowed per window, per client IP and per email. */
export interface AuthRateLimit {
  ipMax: number;
  emailMax: number;
  windowMs: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** The built client; the API still runs when it does not exist. */
  staticDir: string;
  testHooks: boolean;
  /** Trust X-Forwarded-* (client IP, https) — only behind a proxy that sets them. */
  trustProxy: boolean;
  authRateLimit: AuthRateLimit;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
}

export const DEFAULT_AUTH_RATE_LIMIT: AuthRateLimit = {
  ipMax: 120,
  emailMax: 20,
  windowMs: 60_000,
};

/** Schema names go into SQL identifiers and connection options, so only plain names pass. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(`DATABASE_SCHEMA must match ${SCHEMA_NAME}: got ${JSON.stringify(schema)}`);
  }
  return schema;
}

function intFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new Error(`${name} must be a non-negative integer: got ${JSON.stringify(value)}`);
  }
  return parsed;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Reads the process environment once, at start; nothing else in the server reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const schema = nonEmpty(env.DATABASE_SCHEMA);
  const dataDir = nonEmpty(env.DATA_DIR) ?? './data';
  return {
    port: intFromEnv(env.PORT, 3000, 'PORT'),
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    database: {
      url: nonEmpty(env.DATABASE_URL),
      dataDir: dataDir.startsWith('memory://') ? dataDir : resolve(dataDir),
      schema: schema === undefined ? undefined : checkSchemaName(schema),
    },
    staticDir: resolve(nonEmpty(env.STATIC_DIR) ?? 'dist/client'),
    testHooks: env.DIALIN_TEST_HOOKS === '1',
    trustProxy: env.TRUST_PROXY === '1',
    logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
    authRateLimit: {
      ipMax: intFromEnv(
        env.AUTH_RATE_LIMIT_IP,
        DEFAULT_AUTH_RATE_LIMIT.ipMax,
        'AUTH_RATE_LIMIT_IP',
      ),
      emailMax: intFromEnv(
        env.AUTH_RATE_LIMIT_EMAIL,
        DEFAULT_AUTH_RATE_LIMIT.emailMax,
        'AUTH_RATE_LIMIT_EMAIL',
      ),
      windowMs: DEFAULT_AUTH_RATE_LIMIT.windowMs,
    },
  };
}
