import { formatParamUrl } from '@fastify/swagger';
import { IMAGE_TYPES } from '../../../shared/model/entities.js';
import { ROUTES } from '../../../shared/protocol/routes.js';
import type { OpenApiDocument } from './openapi-document.js';

const binary = { schema: { type: 'string', contentEncoding: 'binary' } };

/**
 * The photo routes carry raw image bytes, which no JSON schema of a route describes: the
 * upload has no body schema (its own content parser takes any bytes) and the download's 200
 * is a Buffer. This writes both into the document, with the image types the server stores
 * (shared/model/entities.ts).
 */
export function addPhotoBytes(document: OpenApiDocument): void {
  const item = document.paths[formatParamUrl(ROUTES.photos.upload.path)];
  const upload = item?.put;
  if (upload !== undefined) {
    upload.requestBody = {
      required: true,
      description:
        "The image, as is, under any Content-Type: the bytes' signature decides its type, " +
        'which must be one of these.',
      content: Object.fromEntries(IMAGE_TYPES.map((type) => [type, binary])),
    };
  }
  const ok = item?.get?.responses['200'];
  if (ok !== undefined) {
    ok.description = 'The image bytes as uploaded, served as the type found in them.';
    ok.content = Object.fromEntries(IMAGE_TYPES.map((type) => [type, binary]));
  }
}
