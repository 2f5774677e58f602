import { createDb, type DialInDb } from '../src/data/db.js';
import { SyncEngine } from '../src/sync/engine.js';
import type { Transport } from '../src/sync/http.js';
import type { TestServer } from './server-process.js';

/** Per-device cookies: what a browser profile keeps for the server's origin. */
export function cookieJarFetch(): { fetch: typeof fetch; cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const jarFetch: typeof fetch = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) {
      headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', val = ''] = attribute.trim().split('=');
        if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(val) <= Date.now();
        return false;
      });
      if (expired || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    return response;
  };
  return { fetch: jarFetch, cookies };
}

/** A fetch step a test can put in front of the network (fail, cut off, count). */
export type Interceptor = (
  input: string,
  init: RequestInit,
  next: typeof fetch,
) => Promise<Response>;

export interface Device {
  name: string;
  db: DialInDb;
  engine: SyncEngine;
  transport: Transport;
  cookies: Map<string, string>;
  /** Set to route this device's requests through a test's interceptor; null = straight. */
  intercept: Interceptor | null;
  /** Requests this device sent, as "METHOD /path". */
  requests: string[];
  /** Device clock minus real time (ms); change it to skew the clock. */
  skewMs: number;
  close(): Promise<void>;
}

/** A simulated device: its own IndexedDB database, cookie jar and (optionally skewed) clock. */
export function createDevice(server: TestServer, name: string, skewMs = 0): Device {
  const jar = cookieJarFetch();
  const device: Device = {
    name,
    db: undefined as unknown as DialInDb,
    engine: undefined as unknown as SyncEngine,
    transport: undefined as unknown as Transport,
    cookies: jar.cookies,
    intercept: null,
    requests: [],
    skewMs,
    async close() {
      await device.engine.stop();
      await device.db.delete();
    },
  };
  device.db = createDb(`device-${name}-${crypto.randomUUID()}`, {
    now: () => Date.now() + device.skewMs,
  });
  device.transport = {
    baseUrl: server.url,
    fetch: (input, init = {}) => {
      const url = String(input);
      device.requests.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
      return device.intercept === null
        ? jar.fetch(url, init)
        : device.intercept(url, init, jar.fetch);
    },
  };
  device.engine = new SyncEngine({ db: device.db, transport: device.transport });
  return device;
}

let emailCounter = 0;
/** A unique email per test (accounts live as long as the server). */
export function uniqueEmail(prefix = 'barista'): string {
  emailCounter += 1;
  return `${prefix}-${emailCounter}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

export const PASSWORD = 'correct horse battery';
