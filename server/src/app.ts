import fastifyCookie from '@fastify/cookie';
import {
  registerAjvFormats,
  type TypeBoxTypeProvider,
  TypeBoxValidatorCompiler,
} from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Kysely } from 'kysely';
import { LIMITS } from '../../shared/protocol/limits.js';
import { isApiPath } from '../../shared/protocol/routes.js';
import { authRoutes } from './auth/auth-routes.js';
import { checkOrigin } from './auth/origin-check.js';
import { recordSessionSeen } from './auth/session-seen.js';
import { registerApiCompression } from './compression/api-compression.js';
import { type AuthRateLimit, DEFAULT_AUTH_RATE_LIMIT, type TrustProxy } from './config.js';
import type { Database } from './db/database.js';
import { registerApiDocs } from './docs/api-docs.js';
import { AppError } from './errors/app-error.js';
import { handleError } from './errors/error-handler.js';
import { handleClientError, handleFrameworkError } from './errors/framework-errors.js';
import { healthRoutes } from './health/health-routes.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerStrictJson } from './http/strict-json.js';
import { type AppMetricsOptions, registerMetrics } from './metrics/register-metrics.js';
import { DEFAULT_PHOTO_QUOTA_BYTES, DEFAULT_PHOTO_RETENTION_MS } from './photos/photo-config.js';
import { type PhotoRouteOptions, photoRoutes } from './photos/photo-routes.js';
import { createPostgresPhotoStore } from './photos/postgres-photo-store.js';
import {
  appShellScriptSources,
  registerStaticFiles,
  wantsAppShell,
} from './static/static-files.js';
import { syncRoutes } from './sync/routes.js';
import { decorateTestHooks } from './test-hooks/test-hooks.js';
import { testRoutes } from './test-hooks/test-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The database; owned by whoever built the app (main.ts or a test), closed by them. */
    db: Kysely<Database>;
  }
}

export interface AppOptions {
  db: Kysely<Database>;
  /** Registers the ROUTES.test hooks and `app.testHooks` (DIALIN_TEST_HOOKS=1). */
  testHooks?: boolean;
  /** The built client; null or a missing directory serves the API only. */
  staticDir?: string | null;
  authRateLimit?: AuthRateLimit;
  /** Which X-Forwarded-* hops to believe; see TrustProxy. */
  trustProxy?: TrustProxy;
  /** Where people reach the app (PUBLIC_URL); https turns on `__Host-` Secure cookies and HSTS. */
  publicUrl?: URL | undefined;
  logger?: FastifyServerOptions['logger'];
  /**
   * Where photo bytes go and the limits; the app's own database and the defaults when unset.
   * Deleting an account empties its part of the store too.
   */
  photos?: PhotoRouteOptions;
  /** Measure requests (METRICS_PORT/METRICS_TOKEN); unset = metrics off. */
  metrics?: AppMetricsOptions | undefined;
}

/** Builds the whole server: plugins, then routes. Listening is main.ts's job. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    frameworkErrors: handleFrameworkError,
    clientErrorHandler: handleClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // TypeBox checks the schemas the client shares; bodies are never coerced (a "1" is not 1),
  // query strings and params are converted. Unknown properties are refused, not stripped.
  registerAjvFormats();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);
  registerStrictJson(app);

  app.decorate('db', options.db);
  app.decorate('publicUrl', options.publicUrl ?? null);
  app.decorateRequest('accountId', '');
  app.decorateRequest('session', null);
  decorateTestHooks(app, options.testHooks ?? false);
  app.setErrorHandler(handleError);

  app.addHook('onRequest', checkOrigin);
  // API answers are per-account and change constantly: no browser or proxy cache may keep
  // them (the service worker caches none either).
  app.addHook('onSend', async (request, reply) => {
    if (isApiPath(request.url.split('?')[0] ?? '') && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });
  app.addHook('onSend', recordSessionSeen);
  registerMetrics(app, options.metrics);
  await registerSecurityHeaders(
    app,
    options.publicUrl ?? null,
    appShellScriptSources(options.staticDir),
  );
  await registerApiCompression(app);
  await app.register(fastifyCookie);

  // Each plugin registers its routes at the full paths of the shared ROUTES table.
  await registerApiDocs(app); // first: it documents the routes registered after it
  await app.register(healthRoutes);
  const photos = options.photos ?? {
    store: createPostgresPhotoStore(options.db),
    quotaBytes: DEFAULT_PHOTO_QUOTA_BYTES,
    retentionMs: DEFAULT_PHOTO_RETENTION_MS,
  };
  await app.register(authRoutes, {
    rateLimit: options.authRateLimit ?? DEFAULT_AUTH_RATE_LIMIT,
    photoStore: photos.store,
  });
  await app.register(syncRoutes);
  await app.register(photoRoutes, photos);
  if (options.testHooks) await app.register(testRoutes);

  const appShell =
    options.staticDir == null ? null : await registerStaticFiles(app, options.staticDir);
  app.setNotFoundHandler((request, reply) => {
    if (appShell !== null && wantsAppShell(request)) return appShell(request, reply);
    throw new AppError(
      404,
      'not_found',
      `No route ${request.method} ${request.url.split('?')[0]}.`,
    );
  });

  return app;
}

/**
 * A hop count as proxy-addr's trust function: hop 0 is the socket peer, and each trusted hop
 * lets the next X-Forwarded-For entry from the right speak for the client.
 */
function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((_: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}
