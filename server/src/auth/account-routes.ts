import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  AccountDeleted,
  ChangePasswordRequest,
  DeleteAccountRequest,
  PasswordChanged,
} from '../../../shared/protocol/auth.js';
import { ErrorBody } from '../../../shared/protocol/errors.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import type { AuthRateLimit } from '../config.js';
import { AppError } from '../errors/app-error.js';
import type { PhotoStore } from '../photos/photo-store.js';
import { deleteAccountPhotoBytes, deleteAccountRows } from './account-deletion.js';
import { findAccountByEmail, findAccountById, updatePasswordHash } from './account-repository.js';
import { admitAttempt } from './auth-rate-limit.js';
import { checkNewPassword } from './new-password.js';
import { hashPassword, verifyPassword } from './password.js';
import { currentSessionId, requireAccount } from './require-account.js';
import { clearSessionCookie } from './session-cookie.js';
import { revokeOtherSessions } from './session-list.js';

const errors = { '4xx': ErrorBody, '5xx': ErrorBody };

export interface AccountRoutesOptions {
  rateLimit: AuthRateLimit;
  /** Where photo bytes live when not in the database (S3); deleted with the account. */
  photoStore?: PhotoStore | undefined;
}

/** Changing the password and deleting the account: both need the current password. */
export const accountRoutes: FastifyPluginAsyncTypebox<AccountRoutesOptions> = async (
  app,
  options,
) => {
  /**
   * The signed-in account, once `password` is proven its own. Counted like a log-in, so a
   * stolen cookie cannot guess the password faster than the log-in form can.
   */
  async function confirmPassword(request: FastifyRequest, password: string, field: string) {
    const account = await findAccountById(app.db, request.accountId);
    const found = account && (await findAccountByEmail(app.db, account.email));
    if (found === undefined) {
      throw new AppError(401, 'unauthorized', 'Sign in to continue: the account is gone.');
    }
    const attempt = await admitAttempt(app.db, options.rateLimit, {
      kind: 'login',
      email: found.email,
      address: request.ip,
    });
    if (!(await verifyPassword(password, found.passwordHash))) {
      throw new AppError(401, 'invalid_credentials', 'The current password is wrong.', {
        in: 'body',
        field,
      });
    }
    await attempt.succeeded();
    return found;
  }

  app.post(
    ROUTES.auth.changePassword.path,
    {
      schema: { body: ChangePasswordRequest, response: { 200: PasswordChanged, ...errors } },
      preHandler: requireAccount,
    },
    async (request) => {
      const { currentPassword, newPassword } = request.body;
      checkNewPassword(newPassword, 'newPassword');
      const account = await confirmPassword(request, currentPassword, 'currentPassword');
      await updatePasswordHash(app.db, account.id, await hashPassword(newPassword));
      // Whoever knew the old password may hold a session: all but this one end.
      const revokedSessions = await revokeOtherSessions(
        app.db,
        account.id,
        currentSessionId(request),
      );
      return { revokedSessions };
    },
  );

  app.post(
    ROUTES.auth.deleteAccount.path,
    {
      schema: { body: DeleteAccountRequest, response: { 200: AccountDeleted, ...errors } },
      preHandler: requireAccount,
    },
    async (request, reply) => {
      const account = await confirmPassword(request, request.body.password, 'password');
      await deleteAccountRows(app.db, account);
      clearSessionCookie(request, reply);
      if (options.photoStore !== undefined) {
        await deleteAccountPhotoBytes(options.photoStore, account.id).catch((error: unknown) => {
          request.log.error({ err: error }, 'photo bytes of a deleted account left for collection');
        });
      }
      return { deleted: true as const };
    },
  );
};
