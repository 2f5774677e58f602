import { IMAGE_TYPES, type ImageType } from '../../../shared/model/entities.js';

/**
 * Where photo bytes live, behind one small interface so the routes and garbage collection do not
 * care whether that is PostgreSQL (the default) or S3-compatible object storage.
 *
 * Bytes are content-addressed: `hash` is the SHA-256 of `bytes` in lower-case hex, checked by
 * the caller before `put` (see content-hash.ts). Every method is scoped to one account: the same
 * image uploaded by two accounts is stored twice, and an account can never reach the other copy.
 */

/** The media types a photo may have (the shared table's); anything else is refused before it reaches a store. */
export const PHOTO_TYPES = IMAGE_TYPES;
export type PhotoType = ImageType;

export interface StoredPhoto {
  bytes: Uint8Array;
  type: PhotoType;
}

export interface PhotoStore {
  /**
   * Stores the bytes under (account, hash). Idempotent: storing a hash the account already has
   * leaves the bytes as they are (same hash, same bytes) and only refreshes their upload time,
   * which garbage collection's retention counts from.
   */
  put(accountId: string, hash: string, bytes: Uint8Array, type: PhotoType): Promise<void>;
  /** The account's bytes for this hash, or null — also when only another account has them. */
  get(accountId: string, hash: string): Promise<StoredPhoto | null>;
  has(accountId: string, hash: string): Promise<boolean>;
  /** Removes the bytes; removing bytes that are not there is not an error. */
  delete(accountId: string, hash: string): Promise<void>;
  /** Bytes the account holds, for the quota. */
  bytesUsed(accountId: string): Promise<number>;
  /** Every account that holds bytes, each once, for garbage collection. */
  listAccounts(): AsyncIterable<string>;
  /** The account's hashes last uploaded before `time`, each once, for garbage collection. */
  listHashesUploadedBefore(accountId: string, time: Date): AsyncIterable<string>;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}
