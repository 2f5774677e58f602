import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Credentials,
  LogoutResponse,
  normalizeEmail,
  SessionResponse,
} from '../../../shared/protocol/auth.js';
import { ErrorBody } from '../../../shared/protocol/errors.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import type { AuthRateLimit } from '../config.js';
import { AppError } from '../errors/app-error.js';
import { findAccountByEmail, findAccountById, insertAccount } from './account-repository.js';
import { authRateLimit } from './auth-rate-limit.js';
import { decoyHash, hashPassword, verifyPassword } from './password.js';
import { requireAccount } from './require-account.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie.js';
import { createSession, revokeSession } from './session-repository.js';

const errors = { '4xx': ErrorBody, '5xx': ErrorBody };

/** ROUTES.auth: sign up, log in, log out, and who is signed in. */
export const authRoutes: FastifyPluginAsyncTypebox<{ rateLimit: AuthRateLimit }> = async (
  app,
  options,
) => {
  const limitAttempts = authRateLimit(app, options.rateLimit);

  app.post(
    ROUTES.auth.signup.path,
    {
      schema: { body: Credentials, response: { 201: SessionResponse, ...errors } },
      preHandler: limitAttempts,
    },
    async (request, reply) => {
      const email = normalizeEmail(request.body.email);
      const account = { id: crypto.randomUUID(), email };
      const passwordHash = await hashPassword(request.body.password);
      if (!(await insertAccount(app.db, { ...account, passwordHash }))) {
        throw new AppError(
          409,
          'email_taken',
          'An account with this email exists; log in instead.',
        );
      }
      const session = await createSession(app.db, account.id);
      setSessionCookie(request, reply, session.token);
      return reply.code(201).send({ account, serverTime: Date.now() });
    },
  );

  app.post(
    ROUTES.auth.login.path,
    {
      schema: { body: Credentials, response: { 200: SessionResponse, ...errors } },
      preHandler: limitAttempts,
    },
    async (request, reply) => {
      const found = await findAccountByEmail(app.db, request.body.email);
      // The decoy makes an unknown email cost the same scrypt work as a wrong password.
      const matches = await verifyPassword(
        request.body.password,
        found?.passwordHash ?? (await decoyHash()),
      );
      if (found === undefined || !matches) {
        throw new AppError(401, 'invalid_credentials', 'Wrong email or password.');
      }
      const session = await createSession(app.db, found.id);
      setSessionCookie(request, reply, session.token);
      return { account: { id: found.id, email: found.email }, serverTime: Date.now() };
    },
  );

  // Always 200: logging out of a session that is already gone is done, not an error (a
  // client that queued its logout while offline replays it later).
  app.post(
    ROUTES.auth.logout.path,
    { schema: { response: { 200: LogoutResponse, ...errors } } },
    async (request, reply) => {
      const token = readSessionCookie(request);
      if (token !== undefined) await revokeSession(app.db, token);
      clearSessionCookie(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    ROUTES.auth.me.path,
    { schema: { response: { 200: SessionResponse, ...errors } }, preHandler: requireAccount },
    async (request) => {
      const account = await findAccountById(app.db, request.accountId);
      if (account === undefined) {
        throw new AppError(401, 'unauthorized', 'Sign in to continue: the account is gone.');
      }
      return { account, serverTime: Date.now() };
    },
  );
};
