import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { ErrorBody } from '../../../shared/protocol/errors.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { revokeSessionsByEmail } from '../auth/session-repository.js';

const errors = { '4xx': ErrorBody, '5xx': ErrorBody };

/** ROUTES.test: registered only with DIALIN_TEST_HOOKS=1 (404 otherwise, like any unknown route). */
export const testRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const hooks = app.testHooks;
  if (hooks === null) throw new Error('testRoutes need app.testHooks (DIALIN_TEST_HOOKS=1)');

  app.post(
    ROUTES.test.failNextPush.path,
    {
      schema: {
        // No body at all means the defaults (500, once).
        body: Type.Union([
          Type.Object(
            {
              status: Type.Optional(Type.Integer({ minimum: 400, maximum: 599 })),
              count: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
            },
            { additionalProperties: false },
          ),
          Type.Undefined(),
          Type.Null(),
        ]),
        response: {
          200: Type.Object({ status: Type.Integer(), count: Type.Integer() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const status = request.body?.status ?? 500;
      const count = request.body?.count ?? 1;
      hooks.failNextPushes(status, count);
      return { status, count };
    },
  );

  app.post(
    ROUTES.test.revokeSessions.path,
    {
      schema: {
        body: Type.Object(
          { email: Type.String({ minLength: 1 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ revoked: Type.Integer() }), ...errors },
      },
    },
    async (request) => ({ revoked: await revokeSessionsByEmail(app.db, request.body.email) }),
  );

  // Chaos tests: "the server died between committing a push and answering it". Only for a
  // server running as its own process; in an app.inject test it would kill the test runner.
  app.post(
    ROUTES.test.crashAfterCommit.path,
    { schema: { response: { 200: Type.Object({ armed: Type.Literal(true) }), ...errors } } },
    async () => {
      hooks.crashAfterNextCommit();
      return { armed: true as const };
    },
  );

  app.post(
    ROUTES.test.failAssets.path,
    {
      schema: {
        body: Type.Object(
          { contains: Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()]) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ contains: Type.Union([Type.String(), Type.Null()]) }),
          ...errors,
        },
      },
    },
    async (request) => {
      hooks.failAssets(request.body.contains);
      return { contains: request.body.contains };
    },
  );

  app.get(
    ROUTES.test.stats.path,
    { schema: { response: { 200: Type.Object({ pushRequests: Type.Integer() }), ...errors } } },
    async () => ({ pushRequests: hooks.pushRequests }),
  );
};
