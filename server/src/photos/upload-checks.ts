import { checkContentHash } from './content-hash.js';
import { detectImageType } from './image-type.js';
import { type PhotoRefusal, photoRefusal } from './photo-refusals.js';
import { PHOTO_TYPES, type PhotoType } from './photo-store.js';

/** 2 MiB per image: four times the ~400 KB the device aims for, far below a camera original. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export type CheckResult<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; refusal: PhotoRefusal };

const pass = <T>(value: T): CheckResult<T> => ({ ok: true, value });
const refuse = (refusal: PhotoRefusal): { ok: false; refusal: PhotoRefusal } => ({
  ok: false,
  refusal,
});

/** Checked from Content-Length before the body is read, and again on the body's real length. */
export function checkPhotoSize(byteLength: number, limitBytes = MAX_PHOTO_BYTES): CheckResult {
  if (byteLength <= limitBytes) return pass(undefined);
  return refuse(
    photoRefusal(
      'photo_too_large',
      `A photo may be at most ${formatBytes(limitBytes)}; this one is ${formatBytes(byteLength)}.`,
      {
        limitBytes,
        bytes: byteLength,
      },
    ),
  );
}

export function checkPhotoType(bytes: Uint8Array): CheckResult<PhotoType> {
  const detected = detectImageType(bytes);
  if (detected.ok) return pass(detected.type);
  const found = detected.found;
  const message =
    found === null
      ? 'Only JPEG, WebP and PNG photos are accepted; this file is none of them.'
      : `Only JPEG, WebP and PNG photos are accepted; this file is ${found.name}.`;
  return refuse(
    photoRefusal('unsupported_media_type', message, {
      found: found?.type ?? null,
      accepted: [...PHOTO_TYPES],
    }),
  );
}

export function checkPhotoHash(hash: string, bytes: Uint8Array): CheckResult {
  const checked = checkContentHash(hash, bytes);
  if (checked.ok) return pass(undefined);
  return refuse(
    photoRefusal(
      'hash_mismatch',
      'The photo does not match its hash: it was changed or cut short on the way.',
      {
        expected: hash,
        actual: checked.actual,
      },
    ),
  );
}

export interface QuotaUsage {
  /** What the account stores now. */
  usedBytes: number;
  quotaBytes: number;
  /** The account already holds this hash: storing it again adds nothing. */
  alreadyStored: boolean;
}

/**
 * Two uploads checked at the same moment can each fit and together pass the quota, by at most
 * one image each; a quota is a budget for people, not an invariant the database must hold.
 */
export function checkQuota(incomingBytes: number, usage: QuotaUsage): CheckResult {
  if (usage.alreadyStored || usage.usedBytes + incomingBytes <= usage.quotaBytes) {
    return pass(undefined);
  }
  return refuse(
    photoRefusal(
      'photo_quota_exceeded',
      `Your photos use ${formatBytes(usage.usedBytes)} of ${formatBytes(usage.quotaBytes)}; delete some to add more.`,
      { usedBytes: usage.usedBytes, quotaBytes: usage.quotaBytes, bytes: incomingBytes },
    ),
  );
}

/**
 * Every check an upload of `bytes` under `hash` must pass before anything is stored, cheapest
 * first: size, hash (a corrupted body would fail the others for the wrong reason), type, quota.
 * Returns the type found in the bytes, which is what the store records.
 */
export function checkPhotoUpload(
  hash: string,
  bytes: Uint8Array,
  usage: QuotaUsage,
  limitBytes = MAX_PHOTO_BYTES,
): CheckResult<PhotoType> {
  const size = checkPhotoSize(bytes.byteLength, limitBytes);
  if (!size.ok) return size;
  const matches = checkPhotoHash(hash, bytes);
  if (!matches.ok) return matches;
  const type = checkPhotoType(bytes);
  if (!type.ok) return type;
  const quota = checkQuota(bytes.byteLength, usage);
  return quota.ok ? type : quota;
}

/** 2097152 → "2 MB", 450000 → "439 KB": binary units, as the limits are set. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${round(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 ** 2) return `${round(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
