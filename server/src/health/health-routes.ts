import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { ErrorBody } from '../../../shared/protocol/errors.js';
import { HealthResponse } from '../../../shared/protocol/health.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.js';

/** A health check must answer even when the database hangs: give up on it after this. */
const DATABASE_TIMEOUT_MS = 3_000;

/**
 * ROUTES.health: 200 `ok` when the database answers a query, with the newest applied
 * migration; 503 `unavailable` otherwise. Never throws: the Docker HEALTHCHECK and the e2e
 * harness poll it while the database may be down.
 */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ROUTES.health.path,
    { schema: { response: { 200: HealthResponse, 503: HealthResponse, '4xx': ErrorBody } } },
    async (request, reply) => {
      try {
        const migration = await withTimeout(newestMigration(app), DATABASE_TIMEOUT_MS);
        return {
          status: 'ok' as const,
          database: true,
          migration,
          protocolVersion: PROTOCOL_VERSION,
        };
      } catch (error) {
        request.log.warn({ err: error }, 'health: database did not answer');
        return reply.code(503).send({
          status: 'unavailable' as const,
          database: false,
          migration: null,
          protocolVersion: PROTOCOL_VERSION,
        });
      }
    },
  );
};

async function newestMigration(app: FastifyInstance): Promise<string | null> {
  // Unqualified: the pool's search_path names our schema (DATABASE_SCHEMA).
  const result = await sql<{ name: string }>`
    select name from kysely_migration order by name desc limit 1
  `.execute(app.db);
  return result.rows[0]?.name ?? null;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
