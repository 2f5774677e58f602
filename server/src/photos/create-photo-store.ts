import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { PhotoStoreConfig, S3PhotoStoreConfig } from './photo-config.js';
import type { PhotoStore } from './photo-store.js';
import { createPostgresPhotoStore } from './postgres-photo-store.js';

export interface PhotoStoreHandle {
  store: PhotoStore;
  /** Releases the S3 client's sockets; the PostgreSQL store shares the app's pool. */
  close(): void;
}

/** The configured photo store: the app's own database by default, S3 when configured. */
export async function createPhotoStore(
  config: PhotoStoreConfig,
  db: Kysely<Database>,
): Promise<PhotoStoreHandle> {
  return config.kind === 'postgres'
    ? { store: createPostgresPhotoStore(db), close: () => {} }
    : openS3PhotoStore(config);
}

/**
 * The AWS SDK is imported only here, when S3 is configured: importing it took ~0.7 s on a
 * 2-core machine, a start-up cost a server on the default PostgreSQL store never needs.
 */
export async function openS3PhotoStore(config: S3PhotoStoreConfig): Promise<PhotoStoreHandle> {
  const [{ S3Client }, { createS3PhotoStore }] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('./s3-photo-store.js'),
  ]);
  const client = new S3Client({
    region: config.region,
    forcePathStyle: config.forcePathStyle,
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    ...(config.credentials === undefined ? {} : { credentials: config.credentials }),
  });
  return { store: createS3PhotoStore(client, config.bucket), close: () => client.destroy() };
}
