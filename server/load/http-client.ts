import http from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

/** Bodies decoded as a browser's fetch decodes them; the server compresses what it may. */
const DECODE: Record<string, (bytes: Buffer) => Buffer> = {
  br: brotliDecompressSync,
  gzip: gunzipSync,
};

/**
 * A small keep-alive HTTP/1.1 client for the load and chaos scripts. node:http with one shared
 * agent costs far less CPU per request than fetch, and the load generator shares the 2 cores
 * with the server it measures.
 */
export interface HttpResult {
  status: number;
  body: unknown;
  setCookie: string[];
  /** Wall time from sending to the last byte of the answer. */
  ms: number;
}

export class HttpClient {
  readonly #agent: http.Agent;

  constructor(maxSockets = 256) {
    this.#agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(
    method: 'GET' | 'POST',
    url: string,
    options: { cookie?: string; body?: unknown; timeoutMs?: number } = {},
  ): Promise<HttpResult> {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    // Asks for compressed answers as browsers do, so the server does the work it does for them.
    const headers: http.OutgoingHttpHeaders = { 'accept-encoding': 'br, gzip' };
    if (options.cookie !== undefined) headers.cookie = options.cookie;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers, agent: this.#agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const decode = DECODE[res.headers['content-encoding'] ?? ''];
          let text: string;
          try {
            text = (decode === undefined ? bytes : decode(bytes)).toString('utf8');
          } catch (error) {
            // A body cut short (a server killed mid-answer) fails to decode: a failed request.
            reject(error);
            return;
          }
          let body: unknown = text;
          try {
            body = text === '' ? undefined : JSON.parse(text);
          } catch {
            // Not JSON: kept as text for the error report.
          }
          const cookie = res.headers['set-cookie'] ?? [];
          resolve({
            status: res.statusCode ?? 0,
            body,
            setCookie: cookie,
            ms: performance.now() - started,
          });
        });
      });
      req.setTimeout(options.timeoutMs ?? 30_000, () =>
        req.destroy(new Error('request timed out')),
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

/** `dialin_session=…` from Set-Cookie headers. */
export function sessionCookie(setCookie: string[]): string | undefined {
  const pair = setCookie.find((c) => c.startsWith('dialin_session='))?.split(';')[0];
  return pair === undefined || pair === 'dialin_session=' ? undefined : pair;
}
