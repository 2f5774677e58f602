/** Where photo bytes are kept, chosen by PHOTO_STORE. */
export type PhotoStoreConfig = { kind: 'postgres' } | S3PhotoStoreConfig;

export interface S3PhotoStoreConfig {
  kind: 's3';
  bucket: string;
  region: string;
  /** An S3-compatible server's URL (MinIO, s3rver…); unset means AWS itself. */
  endpoint: string | undefined;
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>`; most non-AWS servers need it. */
  forcePathStyle: boolean;
  /** Unset: the AWS SDK's own chain (AWS_* variables, shared files, instance roles). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export interface PhotoConfig {
  store: PhotoStoreConfig;
  /** Bytes one account may store, thumbnails included. */
  quotaBytes: number;
  /** How long unreferenced bytes are kept before garbage collection deletes them. */
  retentionMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** 2 GiB per account. */
export const DEFAULT_PHOTO_QUOTA_BYTES = 2 * 1024 ** 3;
export const DEFAULT_PHOTO_RETENTION_MS = 30 * DAY_MS;

/**
 * Reads the photo settings from the environment it is given; throws naming the variable when
 * one is malformed or missing, so a misconfigured server fails at start, not at the first upload.
 */
export function loadPhotoConfig(env: NodeJS.ProcessEnv): PhotoConfig {
  return {
    store: storeConfig(env),
    quotaBytes: intFromEnv(env.PHOTO_QUOTA_BYTES, DEFAULT_PHOTO_QUOTA_BYTES, 'PHOTO_QUOTA_BYTES'),
    retentionMs:
      intFromEnv(
        env.PHOTO_RETENTION_DAYS,
        DEFAULT_PHOTO_RETENTION_MS / DAY_MS,
        'PHOTO_RETENTION_DAYS',
      ) * DAY_MS,
  };
}

function storeConfig(env: NodeJS.ProcessEnv): PhotoStoreConfig {
  const kind = nonEmpty(env.PHOTO_STORE) ?? 'postgres';
  if (kind === 'postgres') return { kind };
  if (kind !== 's3') {
    throw new Error(`PHOTO_STORE must be postgres or s3: got ${JSON.stringify(kind)}`);
  }
  const bucket = nonEmpty(env.S3_BUCKET);
  if (bucket === undefined) throw new Error('S3_BUCKET must be set when PHOTO_STORE=s3');
  const accessKeyId = nonEmpty(env.S3_ACCESS_KEY_ID);
  const secretAccessKey = nonEmpty(env.S3_SECRET_ACCESS_KEY);
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new Error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together');
  }
  return {
    kind,
    bucket,
    region: nonEmpty(env.S3_REGION) ?? 'us-east-1',
    endpoint: nonEmpty(env.S3_ENDPOINT),
    forcePathStyle: env.S3_FORCE_PATH_STYLE === '1',
    credentials:
      accessKeyId === undefined || secretAccessKey === undefined
        ? undefined
        : { accessKeyId, secretAccessKey },
  };
}

function intFromEnv(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed <= 0) {
    throw new Error(`${name} must be a positive integer: got ${JSON.stringify(value)}`);
  }
  return parsed;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
