import { ERROR_CODES } from '../../../shared/protocol/error-codes.js';

/**
 * Why an upload is refused, as data: what the client must do. The codes are rows of the shared
 * error table (shared/protocol/error-codes.ts), which holds their status and the reply policy;
 * this table only says it for the server's readers. Every refusal writes nothing.
 */
export const PHOTO_REFUSALS = {
  /** Not JPEG, WebP or PNG by its signature; `details.found` names the type when known. Client: re-encode the image, or tell the user the file is not a photo. */
  unsupported_media_type: {
    statusCode: ERROR_CODES.unsupported_media_type.status,
    action: 're-encode as JPEG or WebP, or tell the user',
  },
  /** Over the per-image limit (`details.limitBytes`). Client: encode smaller; do not retry the same bytes. */
  photo_too_large: {
    statusCode: ERROR_CODES.photo_too_large.status,
    action: 'encode the image smaller; do not retry these bytes',
  },
  /** The account's photos would pass its quota (`details.quotaBytes`). Client: keep the photo on the device, tell the user, retry after photos are deleted. */
  photo_quota_exceeded: {
    statusCode: ERROR_CODES.photo_quota_exceeded.status,
    action: 'keep the photo locally and tell the user storage is full',
  },
  /** The body's SHA-256 is not the hash in the URL. Client: a corrupted or mislabelled upload; hash the bytes again and re-send. */
  hash_mismatch: {
    statusCode: ERROR_CODES.hash_mismatch.status,
    action: 'hash the bytes again and re-send under their hash',
  },
} as const satisfies Record<string, { statusCode: number; action: string }>;

export type PhotoRefusalCode = keyof typeof PHOTO_REFUSALS;

export interface PhotoRefusal {
  code: PhotoRefusalCode;
  statusCode: number;
  /** For people: names the problem (the type found, the limit). */
  message: string;
  details: Record<string, unknown>;
}

export function photoRefusal(
  code: PhotoRefusalCode,
  message: string,
  details: Record<string, unknown>,
): PhotoRefusal {
  return { code, statusCode: PHOTO_REFUSALS[code].statusCode, message, details };
}
