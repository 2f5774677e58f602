import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.js';
import { findBadKey } from './json-keys.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The charset parameter of a Content-Type header, lower-cased, or undefined. */
function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase();
}

/**
 * Parses a JSON body exactly: UTF-8 only (a charset other than utf-8, a byte-order mark or
 * invalid bytes are refused), and no key JSON.parse would resolve silently (a duplicate, the
 * last of which would win) or that reaches the prototype (`__proto__`). Each refusal names
 * its problem. An empty body parses to undefined: `POST /api/auth/logout` with a JSON
 * content type and no body is normal for fetch wrappers, and routes that need a body then
 * fail validation.
 */
export function parseStrictJson(request: FastifyRequest, body: Buffer): unknown {
  const charset = charsetOf(request.headers['content-type']);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    throw new AppError(415, 'bad_request', `Send the body as UTF-8 JSON, not charset=${charset}.`);
  }
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    throw new AppError(
      400,
      'bad_request',
      'The request body starts with a byte-order mark; send JSON without one.',
    );
  }
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw new AppError(400, 'bad_request', 'The request body is not valid UTF-8.');
  }
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError(400, 'bad_request', 'The request body is not valid JSON.');
  }
  const bad = findBadKey(text);
  if (bad !== null) {
    const where = bad.at === '' ? 'the body' : `body.${bad.at}`;
    throw new AppError(
      400,
      'bad_request',
      `The key "${bad.key}" in ${where} ${bad.why}; send each key once and no "__proto__".`,
      {
        in: 'body',
        field: bad.at === '' ? bad.key : `${bad.at}.${bad.key}`,
      },
    );
  }
  return value;
}

export function registerStrictJson(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    try {
      done(null, parseStrictJson(request, body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
