import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: the cookie value. Never stored as is. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What the database keeps: a leaked sessions table does not yield usable cookies. A fast hash
 * is enough because the token is random, not a password.
 */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
