import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { ErrorBody } from '../../../shared/protocol/errors.js';
import { LIMITS } from '../../../shared/protocol/limits.js';
import { PullQuery, PullResponse } from '../../../shared/protocol/pull.js';
import { PushRequest, PushResponse } from '../../../shared/protocol/push.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.js';
import { requireAccount } from '../auth/require-account.js';
import { AppError } from '../errors/app-error.js';
import { strictIntegerQuery } from '../http/strict-query.js';
import { pullPage, pullResponseJson } from './pull.js';
import { applyPush, checkClocks } from './push.js';

/**
 * The statuses a sync route answers besides 200, each with the one error body; the ranges
 * cover what the test hooks inject and what Fastify itself may send.
 */
const errors = (...statuses: number[]) => ({
  ...Object.fromEntries(statuses.map((status) => [status, ErrorBody])),
  '4xx': ErrorBody,
  '5xx': ErrorBody,
});

/**
 * Too many mutations is a batch-size problem the client fixes by splitting (413
 * payload_too_large), not a malformed request: checked before the schema would call it one.
 */
async function refuseOversizedBatch(request: FastifyRequest): Promise<void> {
  const mutations = (request.body as { mutations?: unknown } | null | undefined)?.mutations;
  if (Array.isArray(mutations) && mutations.length > LIMITS.pushMutations) {
    throw new AppError(
      413,
      'payload_too_large',
      `mutations holds ${mutations.length} entries; send at most ${LIMITS.pushMutations} per push`,
      { max: LIMITS.pushMutations },
    );
  }
}

/**
 * ROUTES.sync: push and pull. The session is checked on request,
 * before the body is read, so a caller without a session learns only that.
 */
export const syncRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    ROUTES.sync.push.path,
    {
      bodyLimit: LIMITS.bodyBytes,
      // Counted on arrival, whatever happens next: "push requests received".
      onRequest: [async () => app.testHooks?.countPush(), requireAccount],
      preValidation: refuseOversizedBatch,
      schema: {
        body: PushRequest,
        response: { 200: PushResponse, ...errors(400, 401, 403, 409, 413, 415, 426, 500, 503) },
      },
    },
    async (request) => {
      const failure = app.testHooks?.takePushFailure();
      if (failure !== undefined && failure !== null) {
        // The code a real refusal with this status would carry, so clients treat it as one.
        const code = failure >= 500 ? 'internal' : 'bad_request';
        throw new AppError(failure, code, 'injected failure');
      }
      const push = request.body;
      if (push.accountId !== request.accountId) {
        throw new AppError(
          403,
          'account_mismatch',
          'accountId is not the signed-in account; these mutations belong to another account',
        );
      }
      if (push.schemaVersion !== PROTOCOL_VERSION) {
        throw new AppError(
          426,
          'upgrade_required',
          `schemaVersion ${push.schemaVersion} is not supported; this server speaks ${PROTOCOL_VERSION}`,
          { serverVersion: PROTOCOL_VERSION },
        );
      }
      const serverTime = Date.now();
      checkClocks(push.mutations, serverTime);
      const result = await applyPush(app.db, request.accountId, push.mutations, serverTime);
      app.metrics?.countMutationsApplied(result.applied);
      // Test hook: die after the commit, before the answer (the client sees a dropped connection).
      if (app.testHooks?.takeCrashAfterCommit()) process.kill(process.pid, 'SIGKILL');
      return { serverTime, ...result };
    },
  );

  app.get(
    ROUTES.sync.pull.path,
    {
      onRequest: requireAccount,
      preValidation: strictIntegerQuery(PullQuery),
      schema: {
        querystring: PullQuery,
        response: { 200: PullResponse, ...errors(400, 401, 500, 503) },
      },
    },
    async (request, reply) => {
      const { cursor, limit = LIMITS.pullPageDefault } = request.query;
      const page = await pullPage(app.db, request.accountId, cursor, limit);
      // Already JSON (rows built by the database): Fastify sends a string as it is. The
      // type provider only knows objects, hence the cast.
      const body = pullResponseJson(Date.now(), page) as unknown as PullResponse;
      return reply.type('application/json; charset=utf-8').send(body);
    },
  );
};
