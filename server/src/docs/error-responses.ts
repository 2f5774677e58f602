import type { FastifySchema } from 'fastify';
import { ErrorBody } from '../../../shared/protocol/errors.js';
import type { OpenApiDocument } from './openapi-document.js';

/** ErrorBody is written into the document once, and every error answer points at it. */
export const ERROR_BODY_REF = '#/components/schemas/ErrorBody';

/**
 * The one error handler (errors/error-handler.ts) answers every failure of every route with
 * ErrorBody, whether or not the route's schema lists it; a route that omits a range (health
 * declares no 5xx of its own) would otherwise document no error answer at all. Each range a
 * route leaves undeclared is documented as ErrorBody; what a route does declare is kept.
 */
export function withErrorRanges(schema: FastifySchema): FastifySchema {
  const response = { ...(schema.response as Record<string, unknown> | undefined) };
  for (const range of ['4xx', '5xx'] as const) response[range] ??= ErrorBody;
  for (const [status, body] of Object.entries(response)) {
    if (body === ErrorBody) response[status] = { $ref: ERROR_BODY_REF };
  }
  return { ...schema, response };
}

/** Adds the ErrorBody schema the references name, and says what an error answer is. */
export function addErrorBody(document: OpenApiDocument): void {
  // JSON Schema 2020-12 as TypeBox wrote it; its $id would rebase the references inside it.
  const { $id: _id, ...schema } = JSON.parse(JSON.stringify(ErrorBody)) as Record<string, unknown>;
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ErrorBody: schema },
  };
  const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
  for (const operation of operations) {
    for (const response of Object.values(operation.responses)) {
      const media = response.content?.['application/json']?.schema as { $ref?: string };
      if (media?.$ref === ERROR_BODY_REF) {
        response.description = 'The one error body; its `code` says what the client does next.';
      }
    }
  }
}
