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
import { AppError } from '../errors/app-error.js';
import { findAccountByEmail, findAccountById, insertAccount } from './account-repository.js';
import { type AccountRoutesOptions, accountRoutes } from './account-routes.js';
import { admitAttempt } from './auth-rate-limit.js';
import { deviceNameOf } from './device-name.js';
import { checkNewPassword, refusePassword } from './new-password.js';
import { decoyHash, hashPassword, verifyPassword } from './password.js';
import { requireAccount } from './require-account.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './session-cookie.js';
import { createSession, revokeSession, revokeSessionByHash } from './session-repository.js';
import { sessionRoutes } from './session-routes.js';
import { clearSignOutTicket, readSignOutTicket, setSignOutTicket } from './sign-out-ticket.js';

/**
 * Signing in replaces whatever session the request came with: a cookie planted or left on
 * the device by someone else (session fixation, a shared computer) stops working, and so
 * does the session of a log-out that could not finish (its sign-out ticket).
 */
async function replaceSession(
  request: FastifyRequest,
  reply: FastifyReply,
  accountId: string,
): Promise<void> {
  const previous = readSessionCookie(request);
  if (previous !== undefined) await revokeSession(request.server.db, previous);
  await finishPendingSignOut(request, reply);
  const device = deviceNameOf(request.headers['user-agent']);
  const session = await createSession(request.server.db, accountId, device);
  setSessionCookie(request, reply, session.token);
}

/** Revokes the session a failed log-out left a ticket for, then forgets the ticket. */
async function finishPendingSignOut(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const ticket = readSignOutTicket(request);
  if (ticket === undefined) return;
  await revokeSessionByHash(request.server.db, ticket);
  clearSignOutTicket(request, reply);
}

const errors = { '4xx': ErrorBody, '5xx': ErrorBody };

/** ROUTES.auth: sign up, log in, log out, who is signed in; sessions; password; deletion. */
export const authRoutes: FastifyPluginAsyncTypebox<AccountRoutesOptions> = async (app, options) => {
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
  // still forgotten the session, keeps a sign-out ticket for it instead, and the client
  // retries; the retry carries the ticket.
  app.post(
    ROUTES.auth.logout.path,
    { schema: { response: { 200: LogoutResponse, ...errors } } },
    async (request, reply) => {
      clearSessionCookie(request, reply);
      const token = readSessionCookie(request);
      if (token !== undefined) {
        try {
          await revokeSession(app.db, token);
        } catch (error) {
          setSignOutTicket(request, reply, token);
          throw error;
        }
      }
      await finishPendingSignOut(request, reply);
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

  await app.register(sessionRoutes);
  await app.register(accountRoutes, options);
};
