import Type, { type Static } from 'typebox';
import { IMAGE_TYPES, type ImageType } from '../model/entities.js';

/** The path parameter of the photo routes: the SHA-256 of the bytes, lower-case hex. */
export const PhotoHashParams = Type.Object(
  {
    hash: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description: 'SHA-256 of the image bytes, lower-case hex.',
    }),
  },
  { $id: 'PhotoHashParams', additionalProperties: false },
);
export type PhotoHashParams = Static<typeof PhotoHashParams>;

/**
 * 200 to a PUT: the bytes are stored under their hash (now, or already before: the same
 * upload again is a no-op). The body of the request is the raw image, any Content-Type: the
 * server goes by the bytes' signature.
 */
export const PhotoUploaded = Type.Object(
  {
    hash: Type.String({ pattern: '^[0-9a-f]{64}$', description: 'The hash stored.' }),
    // Unsafe<ImageType> only fixes the static type (a mapped union infers `never`).
    type: Type.Unsafe<ImageType>(
      Type.Union(
        IMAGE_TYPES.map((type) => Type.Literal(type)),
        { description: 'The type found in the bytes, which the download is served as.' },
      ),
    ),
    bytes: Type.Integer({ minimum: 1, description: 'The size stored.' }),
  },
  { $id: 'PhotoUploaded', additionalProperties: false },
);
export type PhotoUploaded = Static<typeof PhotoUploaded>;
