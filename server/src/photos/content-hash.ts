import { createHash } from 'node:crypto';
import { isSha256Hex } from './photo-store.js';

/** The name of a photo's bytes: their SHA-256, lower-case hex, as the client computes it. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type ContentHashResult = { ok: true } | { ok: false; actual: string };

/**
 * Whether the body is the image the URL names. A hash that is not 64 lower-case hex digits
 * can match no body, so it is a mismatch too; the store never holds bytes under a wrong name.
 */
export function checkContentHash(expected: string, bytes: Uint8Array): ContentHashResult {
  const actual = sha256Hex(bytes);
  return isSha256Hex(expected) && actual === expected ? { ok: true } : { ok: false, actual };
}
