import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether an Authorization header is `Bearer <token>`. Digests are compared, in constant
 * time, so neither the token's characters nor its length leak through timing.
 */
export function carriesBearerToken(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  const given = match?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}
