import { passwordProblem } from '../../../shared/protocol/auth.js';
import { AppError } from '../errors/app-error.js';
import { isCommonPassword } from './common-passwords.js';

export function refusePassword(message: string, field = 'password'): AppError {
  return new AppError(400, 'bad_request', message, { in: 'body', field });
}

/**
 * A password an account may take, at sign-up or in a change: the shared rule, then the
 * common-password list (server-side only: it is large).
 */
export function checkNewPassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem !== null) throw refusePassword(problem, field);
  if (isCommonPassword(password)) {
    throw refusePassword('This password is one of the most common ones; choose another.', field);
  }
}
