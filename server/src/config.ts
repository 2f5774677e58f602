import { isIP } from 'node:net';
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

/**
 * How failed logins are slowed and then refused (auth/auth-rate-limit.ts). Only attempts that
 * did not succeed count, inside a sliding window, in PostgreSQL, shared by every instance.
 */
export interface AuthRateLimit {
  /** Failed logins plus signups from one address, any email, before it is refused. */
  ipMax: number;
  /** Failed logins against one email, any address, before addresses that failed on it are refused. */
  emailMax: number;
  /** Failed logins against one email from one address before that address is refused. */
  pairMax: number;
  windowMs: number;
  /** The wait before checking the password after the first failure; it doubles with each one. */
  delayBaseMs: number;
  /** The longest such wait. */
  delayMaxMs: number;
}

export interface ServerConfig {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** The built client; the API still runs when it does not exist. */
  staticDir: string;
  testHooks: boolean;
  /** Which X-Forwarded-* hops to believe (client IP, https); false = none. */
  trustProxy: TrustProxy;
  /** Where people reach the app; https makes the session cookie `__Host-` and Secure, and sends HSTS. */
  publicUrl: URL | undefined;
  authRateLimit: AuthRateLimit;
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
  metrics: MetricsConfig;
}

/**
 * Where Prometheus metrics are served; off when neither is set. The port is a separate
 * listener (loopback unless `host` says otherwise), so the public port never shows them;
 * the token serves them on the public port too, to a `Bearer` header that carries it.
 */
export interface MetricsConfig {
  /** METRICS_PORT: the separate listener's port; undefined = no listener. */
  port: number | undefined;
  /** METRICS_HOST: the separate listener's address. */
  host: string;
  /** METRICS_TOKEN: serve /metrics on the public port to this bearer token; undefined = never. */
  token: string | undefined;
}

/** A shorter token could be guessed over the public port. */
export const METRICS_TOKEN_MIN_LENGTH = 32;

/**
 * Which proxies' X-Forwarded-* headers to believe: none (false), this many hops in front of
 * the server (each hop appends the address it saw, so only the last n entries are not the
 * client's own writing), or only hops from these addresses or CIDR ranges. Never "all": the
 * leftmost X-Forwarded-For entry is whatever the client wrote.
 */
export type TrustProxy = false | number | string[];

export const DEFAULT_AUTH_RATE_LIMIT: AuthRateLimit = {
  ipMax: 100,
  emailMax: 20,
  pairMax: 5,
  windowMs: 15 * 60_000,
  delayBaseMs: 250,
  delayMaxMs: 4_000,
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

const CIDR = /^(.+)\/(\d{1,3})$/;

function isAddressOrCidr(entry: string): boolean {
  const match = CIDR.exec(entry);
  const address = match?.[1] ?? entry;
  const version = isIP(address);
  if (version === 0) return false;
  return match?.[2] === undefined || Number(match[2]) <= (version === 4 ? 32 : 128);
}

/** TRUST_PROXY: unset or 0 = no proxy; a hop count (1 = one proxy); or a comma list of addresses/CIDRs. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return false;
  if (/^\d+$/.test(text)) return intFromEnv(text, 0, 'TRUST_PROXY');
  const entries = text.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isAddressOrCidr(entry));
  if (bad !== undefined) {
    throw new Error(
      `TRUST_PROXY must be a hop count or a comma list of addresses/CIDRs: got ${JSON.stringify(bad)}`,
    );
  }
  return entries;
}

/** PUBLIC_URL: an absolute http(s) URL, or unset. */
export function parsePublicUrl(value: string | undefined): URL | undefined {
  if (value === undefined || value === '') return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new Error(`PUBLIC_URL must be an http(s) URL: got ${JSON.stringify(value)}`);
  }
  return url;
}

/** METRICS_PORT, METRICS_HOST, METRICS_TOKEN; `publicPort` is PORT, which METRICS_PORT must not reuse. */
export function parseMetricsConfig(env: NodeJS.ProcessEnv, publicPort: number): MetricsConfig {
  const portText = nonEmpty(env.METRICS_PORT);
  const port = portText === undefined ? undefined : Number(portText);
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65_535)) {
    throw new Error(`METRICS_PORT must be a port from 1 to 65535: got ${JSON.stringify(portText)}`);
  }
  if (port !== undefined && port === publicPort) {
    throw new Error(`METRICS_PORT must differ from PORT (${publicPort}): metrics are not public`);
  }
  const token = nonEmpty(env.METRICS_TOKEN);
  if (token !== undefined && token.length < METRICS_TOKEN_MIN_LENGTH) {
    throw new Error(
      `METRICS_TOKEN must be at least ${METRICS_TOKEN_MIN_LENGTH} characters: got ${token.length}`,
    );
  }
  return { port, host: nonEmpty(env.METRICS_HOST) ?? '127.0.0.1', token };
}

/** Reads the process environment once, at start; nothing else in the server reads `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const schema = nonEmpty(env.DATABASE_SCHEMA);
  const dataDir = nonEmpty(env.DATA_DIR) ?? './data';
  const port = intFromEnv(env.PORT, 3000, 'PORT');
  return {
    port,
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    database: {
      url: nonEmpty(env.DATABASE_URL),
      dataDir: dataDir.startsWith('memory://') ? dataDir : resolve(dataDir),
      schema: schema === undefined ? undefined : checkSchemaName(schema),
    },
    staticDir: resolve(nonEmpty(env.STATIC_DIR) ?? 'dist/client'),
    testHooks: env.DIALIN_TEST_HOOKS === '1',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    logLevel: nonEmpty(env.LOG_LEVEL) ?? 'info',
    metrics: parseMetricsConfig(env, port),
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
      pairMax: intFromEnv(
        env.AUTH_RATE_LIMIT_PAIR,
        DEFAULT_AUTH_RATE_LIMIT.pairMax,
        'AUTH_RATE_LIMIT_PAIR',
      ),
      windowMs: DEFAULT_AUTH_RATE_LIMIT.windowMs,
      delayBaseMs: DEFAULT_AUTH_RATE_LIMIT.delayBaseMs,
      delayMaxMs: DEFAULT_AUTH_RATE_LIMIT.delayMaxMs,
    },
  };
}
