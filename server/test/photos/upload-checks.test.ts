import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkContentHash, sha256Hex } from '../../src/photos/content-hash.js';
import { PHOTO_REFUSALS } from '../../src/photos/photo-refusals.js';
import {
  checkPhotoHash,
  checkPhotoSize,
  checkPhotoType,
  checkPhotoUpload,
  checkQuota,
  formatBytes,
  MAX_PHOTO_BYTES,
  type QuotaUsage,
} from '../../src/photos/upload-checks.js';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const GIF = new Uint8Array([...'GIF89a'].map((char) => char.charCodeAt(0)));
const ROOM: QuotaUsage = { usedBytes: 0, quotaBytes: 2 * 1024 ** 3, alreadyStored: false };

describe('content hash', () => {
  it('is the SHA-256 of the bytes in lower-case hex', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex(JPEG)).toBe(createHash('sha256').update(JPEG).digest('hex'));
  });

  it('matches only the hash of exactly these bytes', () => {
    const hash = sha256Hex(JPEG);
    expect(checkContentHash(hash, JPEG)).toEqual({ ok: true });
    expect(checkContentHash(hash, JPEG.subarray(0, 7))).toEqual({
      ok: false,
      actual: sha256Hex(JPEG.subarray(0, 7)),
    });
    expect(checkContentHash(hash.toUpperCase(), JPEG).ok).toBe(false);
    expect(checkContentHash('../etc/passwd', JPEG).ok).toBe(false);
  });
});

describe('upload checks', () => {
  it('allows 2 MiB and refuses one byte more with 413, naming the limit', () => {
    expect(MAX_PHOTO_BYTES).toBe(2_097_152);
    expect(checkPhotoSize(MAX_PHOTO_BYTES).ok).toBe(true);
    const refused = checkPhotoSize(MAX_PHOTO_BYTES + 1);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.refusal).toMatchObject({
      code: 'photo_too_large',
      statusCode: 413,
      details: { limitBytes: MAX_PHOTO_BYTES, bytes: MAX_PHOTO_BYTES + 1 },
    });
    expect(refused.refusal.message).toContain('2 MB');
  });

  it('refuses other types with 415, naming the type found', () => {
    expect(checkPhotoType(JPEG)).toEqual({ ok: true, value: 'image/jpeg' });
    const gif = checkPhotoType(GIF);
    expect(gif.ok).toBe(false);
    if (gif.ok) return;
    expect(gif.refusal).toMatchObject({
      code: 'unsupported_media_type',
      statusCode: 415,
      details: { found: 'image/gif', accepted: ['image/jpeg', 'image/webp', 'image/png'] },
    });
    expect(gif.refusal.message).toContain('GIF');
    const unknown = checkPhotoType(new Uint8Array([1, 2, 3]));
    expect(unknown.ok ? null : unknown.refusal.details.found).toBeNull();
  });

  it('refuses a body that is not the hash in the URL with 400', () => {
    const refused = checkPhotoHash(sha256Hex(GIF), JPEG);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.refusal).toMatchObject({
      code: 'hash_mismatch',
      statusCode: 400,
      details: { expected: sha256Hex(GIF), actual: sha256Hex(JPEG) },
    });
  });

  it('refuses past the quota, except a re-upload that adds nothing', () => {
    const usage: QuotaUsage = { usedBytes: 900, quotaBytes: 1000, alreadyStored: false };
    expect(checkQuota(100, usage).ok).toBe(true);
    const refused = checkQuota(101, usage);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.refusal).toMatchObject({
      code: 'photo_quota_exceeded',
      statusCode: PHOTO_REFUSALS.photo_quota_exceeded.statusCode,
      details: { usedBytes: 900, quotaBytes: 1000, bytes: 101 },
    });
    expect(checkQuota(101, { ...usage, alreadyStored: true }).ok).toBe(true);
  });

  it('checks an upload in order: size, hash, type, quota; and returns the type found', () => {
    const codeOf = (result: ReturnType<typeof checkPhotoUpload>) =>
      result.ok ? result.value : result.refusal.code;
    const full: QuotaUsage = { usedBytes: 1000, quotaBytes: 1000, alreadyStored: false };
    expect(codeOf(checkPhotoUpload(sha256Hex(JPEG), JPEG, ROOM))).toBe('image/jpeg');
    expect(codeOf(checkPhotoUpload('0'.repeat(64), GIF, full, 4))).toBe('photo_too_large');
    expect(codeOf(checkPhotoUpload('0'.repeat(64), GIF, full))).toBe('hash_mismatch');
    expect(codeOf(checkPhotoUpload(sha256Hex(GIF), GIF, full))).toBe('unsupported_media_type');
    expect(codeOf(checkPhotoUpload(sha256Hex(JPEG), JPEG, full))).toBe('photo_quota_exceeded');
  });

  it('gives every refusal code a status and an action for the client', () => {
    for (const [code, { statusCode, action }] of Object.entries(PHOTO_REFUSALS)) {
      expect(statusCode, code).toBeGreaterThanOrEqual(400);
      expect(statusCode, code).toBeLessThan(500);
      expect(action.length, code).toBeGreaterThan(0);
    }
  });

  it('formats sizes in the binary units the limits use', () => {
    expect(formatBytes(2 * 1024 ** 3)).toBe('2 GB');
    expect(formatBytes(1.5 * 1024 ** 2)).toBe('1.5 MB');
    expect(formatBytes(450_000)).toBe('439 KB');
    expect(formatBytes(12)).toBe('12 bytes');
  });
});
