import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { isSha256Hex, PHOTO_TYPES, type PhotoStore } from './photo-store.js';

/**
 * The photo store for deployments that outgrow one database: one object per (account, hash),
 * keyed `<accountId>/<hash>` in one bucket, so an account's bytes are one prefix to list, and
 * the object's Content-Type carries the media type. The bucket must exist.
 */
export function createS3PhotoStore(client: S3Client, bucket: string): PhotoStore {
  const list = (prefix: string, delimiter?: string) => listPages(client, bucket, prefix, delimiter);
  return {
    async put(accountId, hash, bytes, type) {
      // Writing again is how re-upload refreshes LastModified, which retention counts from;
      // the content is the same, since the key is its hash.
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: keyOf(accountId, hash),
          Body: bytes,
          ContentType: type,
          ContentLength: bytes.byteLength,
        }),
      );
    },

    async get(accountId, hash) {
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: keyOf(accountId, hash) }),
        );
        if (object.Body === undefined) return null;
        const type = PHOTO_TYPES.find((known) => known === object.ContentType);
        // Only checked types are written; an object of another type was not put by this store.
        if (type === undefined) return null;
        return { bytes: await object.Body.transformToByteArray(), type };
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        throw error;
      }
    },

    async has(accountId, hash) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key: keyOf(accountId, hash) }));
        return true;
      } catch (error) {
        if (error instanceof NotFound) return false;
        throw error;
      }
    },

    async delete(accountId, hash) {
      // S3 answers a delete of a missing key with success too.
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyOf(accountId, hash) }));
    },

    async bytesUsed(accountId) {
      let used = 0;
      for await (const page of list(prefixOf(accountId))) {
        for (const object of page.Contents ?? []) used += object.Size ?? 0;
      }
      return used;
    },

    async *listAccounts() {
      for await (const page of list('', '/')) {
        for (const { Prefix } of page.CommonPrefixes ?? []) {
          if (Prefix !== undefined) yield Prefix.slice(0, -1);
        }
      }
    },

    async *listHashesUploadedBefore(accountId, time) {
      const prefix = prefixOf(accountId);
      for await (const page of list(prefix)) {
        for (const object of page.Contents ?? []) {
          const hash = object.Key?.slice(prefix.length);
          if (hash === undefined || !isSha256Hex(hash)) continue;
          if (object.LastModified !== undefined && object.LastModified < time) yield hash;
        }
      }
    },
  };
}

async function* listPages(
  client: S3Client,
  bucket: string,
  prefix: string,
  delimiter: string | undefined,
): AsyncIterable<ListObjectsV2CommandOutput> {
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ...(delimiter === undefined ? {} : { Delimiter: delimiter }),
        ...(token === undefined ? {} : { ContinuationToken: token }),
      }),
    );
    yield page;
    token = page.IsTruncated === true ? page.NextContinuationToken : undefined;
  } while (token !== undefined);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * An account id is a lower-case UUID and a hash 64 hex digits, so a key can never reach into
 * another account's prefix ("../", "/"); anything else is a caller's bug.
 */
function prefixOf(accountId: string): string {
  if (!UUID.test(accountId)) throw new TypeError(`not an account id: ${JSON.stringify(accountId)}`);
  return `${accountId}/`;
}

function keyOf(accountId: string, hash: string): string {
  if (!isSha256Hex(hash)) throw new TypeError(`not a SHA-256 hex hash: ${JSON.stringify(hash)}`);
  return `${prefixOf(accountId)}${hash}`;
}
