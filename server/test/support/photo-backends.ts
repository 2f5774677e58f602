import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import S3rver from 's3rver';
import { insertAccount } from '../../src/auth/account-repository.js';
import { createDatabase } from '../../src/db/create-database.js';
import { migrateToLatest } from '../../src/db/migrate-to-latest.js';
import { createPhotoStore, openS3PhotoStore } from '../../src/photos/create-photo-store.js';
import { loadPhotoConfig } from '../../src/photos/photo-config.js';
import type { PhotoStore } from '../../src/photos/photo-store.js';

/** A photo store on a real backend, for suites that must hold for every backend. */
export interface OpenPhotoBackend {
  store: PhotoStore;
  /** A new account the store will accept bytes for. */
  newAccount(): Promise<string>;
  close(): Promise<void>;
}

export interface PhotoBackend {
  name: string;
  open(): Promise<OpenPhotoBackend>;
}

/**
 * The PostgreSQL store on in-memory PGlite, or — when DATABASE_URL is set — on real PostgreSQL
 * in a new schema of its own, dropped on close, like every server test.
 */
const postgres: PhotoBackend = {
  name: process.env.DATABASE_URL ? 'postgres (PostgreSQL)' : 'postgres (PGlite)',
  async open() {
    const url = process.env.DATABASE_URL || undefined;
    const schema = url === undefined ? undefined : `test_${randomUUID().replaceAll('-', '')}`;
    const database = await createDatabase({ url, dataDir: 'memory://', schema });
    await migrateToLatest(database.db, database.schema);
    const photos = await createPhotoStore(loadPhotoConfig({}).store, database.db);
    return {
      store: photos.store,
      async newAccount() {
        const id = randomUUID();
        await insertAccount(database.db, {
          id,
          email: `${id}@example.com`,
          passwordHash: 'not a password',
        });
        return id;
      },
      async close() {
        photos.close();
        if (schema !== undefined) {
          await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(database.db);
        }
        await database.close();
      },
    };
  },
};

/**
 * The S3 store against s3rver, a real S3-compatible server (it checks SigV4 signatures), on a
 * free port with its own temporary directory.
 */
const s3: PhotoBackend = {
  name: 's3 (s3rver)',
  async open() {
    const directory = await mkdtemp(join(tmpdir(), 'dialin-s3rver-'));
    const bucket = 'dialin-photos';
    const server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      directory,
      silent: true,
      configureBuckets: [{ name: bucket }],
    });
    const { port } = await server.run();
    // Built from the environment variables a deployment sets, so the configuration path is tested.
    const config = loadPhotoConfig({
      PHOTO_STORE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_BUCKET: bucket,
      S3_FORCE_PATH_STYLE: '1',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    });
    if (config.store.kind !== 's3') throw new Error('PHOTO_STORE=s3 did not choose S3');
    const photos = await openS3PhotoStore(config.store);
    return {
      store: photos.store,
      newAccount: async () => randomUUID(),
      async close() {
        photos.close();
        await server.close();
        await rm(directory, { recursive: true, force: true });
      },
    };
  },
};

export const PHOTO_BACKENDS: readonly PhotoBackend[] = [postgres, s3];
