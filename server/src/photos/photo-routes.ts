import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import Type from 'typebox';
import { ErrorBody } from '../../../shared/protocol/errors.js';
import { PhotoHashParams, PhotoUploaded } from '../../../shared/protocol/photos.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { requireAccount } from '../auth/require-account.js';
import { AppError } from '../errors/app-error.js';
import { handleError } from '../errors/error-handler.js';
import type { PhotoRefusal } from './photo-refusals.js';
import { accountNeedsHash } from './photo-repository.js';
import type { PhotoStore } from './photo-store.js';
import { checkPhotoSize, checkPhotoUpload, MAX_PHOTO_BYTES } from './upload-checks.js';

export interface PhotoRouteOptions {
  store: PhotoStore;
  /** Bytes one account may store. */
  quotaBytes: number;
  /** How long a deleted photo's bytes stay downloadable (and undeletable). */
  retentionMs: number;
  /** Bytes one image may have; MAX_PHOTO_BYTES unless a test sets less. */
  maxBytes?: number;
}

const errors = (...statuses: number[]) => ({
  ...Object.fromEntries(statuses.map((status) => [status, ErrorBody])),
  '4xx': ErrorBody,
  '5xx': ErrorBody,
});

/** A download's body: the bytes as uploaded (Fastify sends a Buffer without serializing it). */
const ImageBytes = Type.Unsafe<Buffer>({ description: 'The image bytes, as uploaded.' });

/** Answers are immutable: the same hash always names the same bytes. Private: per account. */
const CACHE_FOREVER = 'private, max-age=31536000, immutable';

/**
 * ROUTES.photos: the bytes of photos, by hash. An upload is checked whole before anything is
 * stored (size, hash, type, quota: upload-checks.ts), so every refusal writes nothing. A
 * download answers 404 for any hash the account's photo rows do not need — another account's
 * image included, whether or not it exists — so a hash reveals nothing about other accounts.
 */
export const photoRoutes: FastifyPluginAsync<PhotoRouteOptions> = async (fastify, options) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const maxBytes = options.maxBytes ?? MAX_PHOTO_BYTES;
  const refuse = (refusal: PhotoRefusal) =>
    new AppError(refusal.statusCode, refusal.code, refusal.message, refusal.details);

  // In this plugin only: every body is raw bytes, whatever its Content-Type says. The bytes'
  // signature decides the type (a JSON body is then refused as not an image, naming none).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    '*',
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_request, body, done) => done(null, body),
  );

  app.put(
    ROUTES.photos.upload.path,
    {
      onRequest: requireAccount,
      // A declared length over the limit is refused before the body is read.
      preParsing: async (request) => {
        const declared = Number(request.headers['content-length'] ?? 0);
        const size = checkPhotoSize(Number.isFinite(declared) ? declared : 0, maxBytes);
        if (!size.ok) throw refuse(size.refusal);
      },
      // A body that turns out longer than its declaration (or has none) is the same refusal,
      // not the push's `payload_too_large`: a photo is never split.
      errorHandler: (error: FastifyError, request, reply) => {
        if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return handleError(error, request, reply);
        const size = checkPhotoSize(maxBytes + 1, maxBytes);
        return handleError(size.ok ? error : refuse(size.refusal), request, reply);
      },
      schema: {
        params: PhotoHashParams,
        response: { 200: PhotoUploaded, ...errors(400, 401, 403, 413, 415, 500, 503) },
      },
    },
    async (request) => {
      const { hash } = request.params;
      const body = request.body;
      const bytes = Buffer.isBuffer(body) ? new Uint8Array(body) : new Uint8Array();
      const [usedBytes, alreadyStored] = await Promise.all([
        options.store.bytesUsed(request.accountId),
        options.store.has(request.accountId, hash),
      ]);
      const checked = checkPhotoUpload(
        hash,
        bytes,
        { usedBytes, quotaBytes: options.quotaBytes, alreadyStored },
        maxBytes,
      );
      if (!checked.ok) throw refuse(checked.refusal);
      await options.store.put(request.accountId, hash, bytes, checked.value);
      return { hash, type: checked.value, bytes: bytes.byteLength };
    },
  );

  app.get(
    ROUTES.photos.download.path,
    {
      onRequest: requireAccount,
      schema: {
        params: PhotoHashParams,
        response: { 200: ImageBytes, ...errors(400, 401, 404, 500, 503) },
      },
    },
    async (request, reply) => {
      const { hash } = request.params;
      const deletedAfter = new Date(Date.now() - options.retentionMs);
      const needed = await accountNeedsHash(app.db, request.accountId, hash, deletedAfter);
      // The row may have arrived before its bytes: also 404, and the device asks again later.
      const stored = needed ? await options.store.get(request.accountId, hash) : null;
      if (stored === null) {
        throw new AppError(404, 'not_found', 'No photo with this hash in your account.');
      }
      return reply
        .type(stored.type)
        .header('cache-control', CACHE_FOREVER)
        .header('etag', `"${hash}"`)
        .send(Buffer.from(stored.bytes.buffer, stored.bytes.byteOffset, stored.bytes.byteLength));
    },
  );
};
