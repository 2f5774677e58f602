import { describe, expect, it } from 'vitest';
import { loadPhotoConfig } from '../../src/photos/photo-config.js';

const DAY_MS = 86_400_000;

describe('loadPhotoConfig', () => {
  it('defaults to the PostgreSQL store, a 2 GiB quota and 30 days of retention', () => {
    expect(loadPhotoConfig({})).toEqual({
      store: { kind: 'postgres' },
      quotaBytes: 2 * 1024 ** 3,
      retentionMs: 30 * DAY_MS,
    });
  });

  it('reads the S3 settings', () => {
    const config = loadPhotoConfig({
      PHOTO_STORE: 's3',
      S3_BUCKET: 'photos',
      S3_REGION: 'eu-central-1',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_FORCE_PATH_STYLE: '1',
      S3_ACCESS_KEY_ID: 'key',
      S3_SECRET_ACCESS_KEY: 'secret',
      PHOTO_QUOTA_BYTES: '1000000',
      PHOTO_RETENTION_DAYS: '7',
    });
    expect(config).toEqual({
      store: {
        kind: 's3',
        bucket: 'photos',
        region: 'eu-central-1',
        endpoint: 'http://127.0.0.1:9000',
        forcePathStyle: true,
        credentials: { accessKeyId: 'key', secretAccessKey: 'secret' },
      },
      quotaBytes: 1_000_000,
      retentionMs: 7 * DAY_MS,
    });
  });

  it("leaves AWS's own endpoint and credential chain when they are not set", () => {
    expect(loadPhotoConfig({ PHOTO_STORE: 's3', S3_BUCKET: 'photos' }).store).toEqual({
      kind: 's3',
      bucket: 'photos',
      region: 'us-east-1',
      endpoint: undefined,
      forcePathStyle: false,
      credentials: undefined,
    });
  });

  it('refuses a configuration that cannot work, naming the variable', () => {
    expect(() => loadPhotoConfig({ PHOTO_STORE: 'disk' })).toThrow(/PHOTO_STORE/);
    expect(() => loadPhotoConfig({ PHOTO_STORE: 's3' })).toThrow(/S3_BUCKET/);
    expect(() =>
      loadPhotoConfig({ PHOTO_STORE: 's3', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'key' }),
    ).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => loadPhotoConfig({ PHOTO_QUOTA_BYTES: '2GB' })).toThrow(/PHOTO_QUOTA_BYTES/);
    expect(() => loadPhotoConfig({ PHOTO_RETENTION_DAYS: '0' })).toThrow(/PHOTO_RETENTION_DAYS/);
  });
});
