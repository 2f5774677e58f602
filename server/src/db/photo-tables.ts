import type { ColumnType } from 'kysely';

/** `photo_bytes` (migration 0005-photo-bytes): the PostgreSQL photo store's images. */
export interface PhotoBytesTable {
  account_id: string;
  /** SHA-256 of `bytes`, lower-case hex. */
  hash: string;
  /** The media type found by the bytes' signature: image/jpeg, image/webp or image/png. */
  type: string;
  /** `pg` reads bytea as a Buffer; a Uint8Array is written as is. */
  bytes: ColumnType<Buffer, Uint8Array, Uint8Array>;
  uploaded_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PhotoTables {
  photo_bytes: PhotoBytesTable;
}
