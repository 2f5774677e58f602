import type {
  FastifyError,
  FastifyReply,
  FastifyRequest,
  FastifySchemaValidationError,
} from 'fastify';
import type { ErrorBody, ErrorCode } from '../../../shared/protocol/errors.js';
import { AppError } from './app-error.js';

/**
 * Turns anything thrown into one ErrorBody. Expected failures (AppError, schema validation,
 * body parsing and size) keep their status and a message naming the problem; everything else
 * becomes a 5xx whose text stays in the log (a 5xx never leaks internals).
 */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof AppError) {
    return withDetails(error.statusCode, error.code, error.message, error.details);
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation) {
    return validationBody(fastifyError.validation, fastifyError.validationContext);
  }
  if (isDatabaseUnavailable(error)) {
    return withDetails(503, 'unavailable', 'The database is unavailable; nothing was written.');
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return clientErrorBody(status, fastifyError);
  }
  return withDetails(500, 'internal', 'Something went wrong on the server; nothing to show here.');
}

function withDetails(
  statusCode: number,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ErrorBody {
  return details === undefined
    ? { statusCode, code, message }
    : { statusCode, code, message, details };
}

/** Fastify's own 4xx errors: body too large, bad JSON, wrong content type, and so on. */
function clientErrorBody(status: number, error: Partial<FastifyError>): ErrorBody {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return withDetails(413, 'payload_too_large', 'The request body is larger than 1 MB.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return withDetails(400, 'bad_request', 'The request body is not valid JSON.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return withDetails(415, 'bad_request', 'Send the body as application/json.');
  }
  if (status === 404) return withDetails(404, 'not_found', 'No such route.');
  if (status === 413) return withDetails(413, 'payload_too_large', 'The request is too large.');
  if (error instanceof SyntaxError) {
    return withDetails(400, 'bad_request', 'The request body is not valid JSON.');
  }
  // Fastify's 4xx messages describe the request, never server internals.
  return withDetails(status, 'bad_request', error.message ?? 'Bad request.');
}

function validationBody(
  errors: FastifySchemaValidationError[],
  context: string | undefined,
): ErrorBody {
  const part = context ?? 'request';
  // TypeBox reports an unknown property twice (as "schema is false" and additionalProperties);
  // the latter names it.
  const error = errors.find((e) => e.keyword === 'additionalProperties') ?? errors[0];
  if (error === undefined) return withDetails(400, 'bad_request', `Invalid ${part}.`);
  const params = error.params as Record<string, unknown>;
  const path = error.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const unknown = params.additionalProperties;
  const missing = params.requiredProperties ?? params.missingProperty;
  let field = path;
  let message: string;
  if (Array.isArray(unknown) || typeof unknown === 'string') {
    const names = [unknown].flat().join(', ');
    field = path === '' ? names : `${path}.${names}`;
    message = `${part}${path === '' ? '' : `.${path}`} has unknown property ${names}`;
  } else if (error.keyword === 'required' && missing !== undefined) {
    const names = [missing].flat().join(', ');
    field = path === '' ? names : `${path}.${names}`;
    message = `${part}${path === '' ? '' : `.${path}`} is missing ${names}`;
  } else {
    message = `${part}${path === '' ? '' : `.${path}`} ${error.message ?? 'is invalid'}`;
  }
  return withDetails(400, 'bad_request', message, { in: part, field });
}

/** Connection-level failures (refused, timed out, server shutting down) — not our bugs. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  const message = (error as { message?: unknown }).message;
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code)) {
      return true;
    }
    // Class 08 = connection exception; 57P01–57P03 = admin shutdown / cannot connect now.
    if (/^08...$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  }
  return (
    typeof message === 'string' &&
    (message.includes('timeout exceeded when trying to connect') ||
      message.includes('Connection terminated') ||
      // pg, for a query on a pooled client whose connection died (PostgreSQL restarting).
      message.includes('is not queryable'))
  );
}

/** Fastify's error handler: one place, for every route and plugin. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const body = toErrorBody(error);
  if (body.statusCode >= 500) {
    request.log.error({ err: error }, 'request failed');
  } else {
    request.log.info({ code: body.code, message: body.message }, 'request refused');
  }
  if (body.code === 'rate_limited' && typeof body.details?.retryAfterS === 'number') {
    reply.header('retry-after', String(body.details.retryAfterS));
  }
  reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
}
