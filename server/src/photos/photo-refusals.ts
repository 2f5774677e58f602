/**
 * Why an upload is refused, as data: the HTTP status, and what the client must do. These codes
 * are not yet in the shared error table (shared/protocol/error-codes.ts); they join it, and the
 * reply policy, with the photo routes. Every refusal writes nothing.
 */
export const PHOTO_REFUSALS = {
  /** Not JPEG, WebP or PNG by its signature; `details.found` names the type when known. Client: re-encode the image, or tell the user the file is not a photo. */
  unsupported_media_type: {
    statusCode: 415,
    action: 're-encode as JPEG or WebP, or tell the user',
  },
  /** Over the per-image limit (`details.limitBytes`). Client: encode smaller; do not retry the same bytes. */
  payload_too_large: {
    statusCode: 413,
    action: 'encode the image smaller; do not retry these bytes',
  },
  /** The account's photos would pass its quota (`details.quotaBytes`). Client: keep the photo on the device, tell the user, retry after photos are deleted. */
  photo_quota_exceeded: {
    statusCode: 403,
    action: 'keep the photo locally and tell the user storage is full',
  },
  /** The body's SHA-256 is not the hash in the URL. Client: a corrupted or mislabelled upload; hash the bytes again and re-send. */
  hash_mismatch: { statusCode: 400, action: 'hash the bytes again and re-send under their hash' },
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
