import { S3Client } from '@aws-sdk/client-s3';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { PhotoStoreConfig, S3PhotoStoreConfig } from './photo-config.js';
import type { PhotoStore } from './photo-store.js';
import { createPostgresPhotoStore } from './postgres-photo-store.js';
import { createS3PhotoStore } from './s3-photo-store.js';

export interface PhotoStoreHandle {
  store: PhotoStore;
  /** Releases the S3 client's sockets; the PostgreSQL store shares the app's pool. */
  close(): void;
}

/** The configured photo store: the app's own database by default, S3 when configured. */
export function createPhotoStore(config: PhotoStoreConfig, db: Kysely<Database>): PhotoStoreHandle {
  return config.kind === 'postgres'
    ? { store: createPostgresPhotoStore(db), close: () => {} }
    : openS3PhotoStore(config);
}

export function openS3PhotoStore(config: S3PhotoStoreConfig): PhotoStoreHandle {
  const client = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    ...(config.credentials === undefined ? {} : { credentials: config.credentials }),
  });
  return { store: createS3PhotoStore(client, config.bucket), close: () => client.destroy() };
}
