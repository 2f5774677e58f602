import { isErrorBody } from '../../../shared/protocol/error-codes.js';
import type { ErrorBody } from '../../../shared/protocol/errors.js';
import type { ApiMethod } from '../../../shared/protocol/routes.js';

/** How sync reaches the server: injected, so tests give each device its own cookie jar. */
export interface Transport {
  /** Origin the API paths are resolved against, e.g. `https://dial-in.app`; '' = relative. */
  baseUrl: string;
  fetch: typeof globalThis.fetch;
}

export function defaultTransport(baseUrl = ''): Transport {
  return { baseUrl, fetch: (input, init) => globalThis.fetch(input, init) };
}

export type HttpResult =
  | { kind: 'response'; status: number; body: unknown; sentAt: number; receivedAt: number }
  | { kind: 'network'; error: unknown };

/**
 * One JSON request. Network failures (offline, connection reset, a body cut off mid-way)
 * come back as `{kind: 'network'}`, never as a throw: callers keep their data and retry.
 */
export async function requestJson(
  transport: Transport,
  method: ApiMethod,
  path: string,
  body?: unknown,
  now: () => number = Date.now,
): Promise<HttpResult> {
  const url = transport.baseUrl === '' ? path : new URL(path, transport.baseUrl).toString();
  const sentAt = now();
  try {
    const init: RequestInit = { method, credentials: 'same-origin' };
    if (body !== undefined) {
      init.headers = { 'content-type': 'application/json' };
      init.body = JSON.stringify(body);
    }
    const response = await transport.fetch(url, init);
    const text = await response.text();
    let parsed: unknown = null;
    if (text !== '') {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { kind: 'response', status: response.status, body: parsed, sentAt, receivedAt: now() };
  } catch (error) {
    return { kind: 'network', error };
  }
}

/** The server's error body, or one made up for a reply that is not one (a proxy's 502 page). */
export function asErrorBody(status: number, body: unknown): ErrorBody {
  if (isErrorBody(body)) return body;
  const code = status === 401 ? 'unauthorized' : status >= 500 ? 'internal' : 'bad_request';
  return { statusCode: status, code, message: `HTTP ${status}` };
}

/** A failed fetch that was cut off by a deadline rather than by the network. */
export function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}
