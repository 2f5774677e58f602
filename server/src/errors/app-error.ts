import type { ErrorCode } from '../../../shared/protocol/errors.js';

/**
 * The one error class routes throw. The error handler turns it into an ErrorBody with this
 * status, code, message and details; the message is shown to people, so it must name the
 * problem and never carry internals.
 */
export class AppError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    statusCode: number,
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}
