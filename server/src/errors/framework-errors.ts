import http from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../../../shared/protocol/errors.js';
import { handleError } from './error-handler.js';

/**
 * Errors Fastify raises before routing (a URL that does not decode, FST_ERR_BAD_URL; a failed
 * async constraint): they go through the one error handler like any other, instead of
 * Fastify's own `{error, message}` body.
 */
export function handleFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  handleError(error, request, reply);
}

/** What the HTTP parser refused, in the one error body. */
function clientErrorBody(error: { code?: string }): ErrorBody {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        statusCode: 408,
        code: 'bad_request',
        message: 'The request took too long to arrive.',
      };
    case 'HPE_HEADER_OVERFLOW':
      return {
        statusCode: 431,
        code: 'payload_too_large',
        message: 'The request headers are too large.',
      };
    default:
      return {
        statusCode: 400,
        code: 'bad_request',
        message: 'The request is not valid HTTP/1.1 (framing, headers or encoding).',
      };
  }
}

/**
 * Node's `clientError`: the request could not be parsed (conflicting Transfer-Encoding and
 * Content-Length, a bad header, a timeout), so no Fastify request exists. The answer is still
 * the one error body, written to the socket, which is then closed: its framing is unknown.
 */
export function handleClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has no one left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const body = JSON.stringify(clientErrorBody(error));
    const status = clientErrorBody(error).statusCode;
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
        'Connection: close\r\n' +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
