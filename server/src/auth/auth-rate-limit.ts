import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normalizeEmail } from '../../../shared/protocol/auth.js';
import type { AuthRateLimit } from '../config.js';
import { AppError } from '../errors/app-error.js';

/**
 * Builds the preHandler that limits login and signup attempts per client IP and per email
 * (whichever runs out first), with @fastify/rate-limit's in-memory store. Both counters count
 * every attempt. It runs after body validation, so the email is known.
 */
export function authRateLimit(app: FastifyInstance, limits: AuthRateLimit) {
  const byIp = app.createRateLimit({
    max: limits.ipMax,
    timeWindow: limits.windowMs,
    keyGenerator: (request) => `auth-ip:${request.ip}`,
  });
  const byEmail = app.createRateLimit({
    max: limits.emailMax,
    timeWindow: limits.windowMs,
    keyGenerator: (request) => `auth-email:${normalizeEmail(emailOf(request))}`,
  });
  return async function limitAuthAttempts(request: FastifyRequest): Promise<void> {
    for (const limiter of [byIp, byEmail]) {
      const result = await limiter(request);
      if (!result.isAllowed && result.isExceeded) {
        throw new AppError(
          429,
          'rate_limited',
          `Too many attempts; try again in ${result.ttlInSeconds} s.`,
          { retryAfterS: result.ttlInSeconds },
        );
      }
    }
  };
}

function emailOf(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email : '';
}
