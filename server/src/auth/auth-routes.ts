import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Credentials,
  isWellFormedPassword,
  LogoutResponse,
  normalizeEmail,
  passwordProblem,
  SessionResponse,
} from '../../../shared/protocol/auth.js';
import { ErrorBody } from '../../../shared/protocol/errors.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import type { AuthRateLimit } from '../config.js';
import { AppError } from '../errors/app-error.js';
import { findAccountByEmail, findAccountById, insertAccount } from './account-repository.js';
import { admitAttempt } from './auth-rate-limit.js';
import { isCommonPassword } from './common-passwords.js';
import { decoyHash, hashPassword, verifyPassword } from './password.js';
import { requireAccount } from './require-account.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie.js';
import { createSession, revokeSession } from './session-repository.js';

/**
 * Signing in replaces whatever session the request came with: a cookie planted or left on
 * the device by someone else (session fixation, a shared computer) stops working.
 */
async function replaceSession(
  request: FastifyRequest,
  reply: FastifyReply,
  accountId: string,
): Promise<void> {
  const previous = readSessionCookie(request);
  if (previous !== undefined) await revokeSession(request.server.db, previous);
  const session = await createSession(request.server.db, accountId);
  setSessionCookie(request, reply, session.token);
}

const errors = { '4xx': ErrorBody, '5xx': ErrorBody };

function refusePassword(message: string): AppError {
  return new AppError(400, 'bad_request', message, { in: 'body', field: 'password' });
}

/** The shared rule, then the common-password list (server-side only: it is large). */
function checkNewPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem !== null) throw refusePassword(problem);
  if (isCommonPassword(password)) {
    throw refusePassword('This password is one of the most common ones; choose another.');
  }
}

/** ROUTES.auth: sign up, log in, log out, and who is signed in. */
export const authRoutes: FastifyPluginAsyncTypebox<{ rateLimit: AuthRateLimit }> = async (
  app,
  options,
) => {
  const admit = (request: FastifyRequest, kind: 'login' | 'signup', email: string) =>
    admitAttempt(app.db, options.rateLimit, { kind, email, address: request.ip });

  app.post(
    ROUTES.auth.signup.path,
    { schema: { body: Credentials, response: { 201: SessionResponse, ...errors } } },
    async (request, reply) => {
      const email = normalizeEmail(request.body.email);
      checkNewPassword(request.body.password);
      await admit(request, 'signup', email);
      const account = { id: crypto.randomUUID(), email };
      const passwordHash = await hashPassword(request.body.password);
      if (!(await insertAccount(app.db, { ...account, passwordHash }))) {
        throw new AppError(
          409,
          'email_taken',
          'An account with this email exists; log in instead.',
        );
      }
      await replaceSession(request, reply, account.id);
      return reply.code(201).send({ account, serverTime: Date.now() });
    },
  );

  app.post(
    ROUTES.auth.login.path,
    { schema: { body: Credentials, response: { 200: SessionResponse, ...errors } } },
    async (request, reply) => {
      // Refused before counting: it cannot be anyone's password, and would hash like others.
      if (!isWellFormedPassword(request.body.password)) {
        throw refusePassword(passwordProblem(request.body.password) ?? 'Invalid password.');
      }
      const attempt = await admit(request, 'login', normalizeEmail(request.body.email));
      const found = await findAccountByEmail(app.db, request.body.email);
      // The decoy makes an unknown email cost the same scrypt work as a wrong password.
      const matches = await verifyPassword(
        request.body.password,
        found?.passwordHash ?? (await decoyHash()),
      );
      if (found === undefined || !matches) {
        throw new AppError(401, 'invalid_credentials', 'Wrong email or password.');
      }
      await attempt.succeeded();
      await replaceSession(request, reply, found.id);
      return { account: { id: found.id, email: found.email }, serverTime: Date.now() };
    },
  );

  // 200 when the session is ended: logging out of a session that is already gone is done, not
  // an error (a client that queued its logout while offline replays it later). The cookie is
  // cleared whatever happens, before revoking: when revoking fails (5xx), the browser has
  // still forgotten the session, and the client retries the revocation.
  app.post(
    ROUTES.auth.logout.path,
    { schema: { response: { 200: LogoutResponse, ...errors } } },
    async (request, reply) => {
      clearSessionCookie(request, reply);
      const token = readSessionCookie(request);
      if (token !== undefined) await revokeSession(app.db, token);
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
