import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../../shared/protocol/errors.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import {
  RevokedSessions,
  RevokeSessionRequest,
  SessionList,
} from '../../../shared/protocol/session.js';
import { AppError } from '../errors/app-error.js';
import { currentSessionId, requireAccount } from './require-account.js';
import { clearSessionCookie } from './session-cookie.js';
import { listSessions, revokeOtherSessions, revokeSessionOfAccount } from './session-list.js';

const errors = { '4xx': ErrorBody, '5xx': ErrorBody };

/** The sessions of the signed-in account: list them, end one, end all but this one. */
export const sessionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    ROUTES.auth.sessions.path,
    { schema: { response: { 200: SessionList, ...errors } }, preHandler: requireAccount },
    async (request) => ({
      sessions: await listSessions(app.db, request.accountId, currentSessionId(request)),
    }),
  );

  app.post(
    ROUTES.auth.revokeSession.path,
    {
      schema: { body: RevokeSessionRequest, response: { 200: RevokedSessions, ...errors } },
      preHandler: requireAccount,
    },
    async (request, reply) => {
      const { id } = request.body;
      if (!(await revokeSessionOfAccount(app.db, request.accountId, id))) {
        // Another account's session, one already ended, or none: the same answer for all.
        throw new AppError(404, 'not_found', 'No live session of this account has that id.', {
          in: 'body',
          field: 'id',
        });
      }
      if (id === currentSessionId(request)) clearSessionCookie(request, reply);
      return { revoked: 1 };
    },
  );

  app.post(
    ROUTES.auth.revokeOtherSessions.path,
    { schema: { response: { 200: RevokedSessions, ...errors } }, preHandler: requireAccount },
    async (request) => ({
      revoked: await revokeOtherSessions(app.db, request.accountId, currentSessionId(request)),
    }),
  );
};
