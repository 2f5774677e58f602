import { randomUUID } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import { mutation, pushBody, pushOk } from './sync-helpers.js';

const ROWS = 1000;

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  const account = await signUp(t.app);
  cookie = account.cookie;
  const clock = new Hlc('phone');
  const mutations = Array.from({ length: ROWS }, (_, i) =>
    mutation('bag', randomUUID(), clock.now(), {
      name: `Bag ${i}`,
      roaster: 'Roaster',
      notes: `jasmine, bergamot, lot ${i}`,
    }),
  );
  for (let i = 0; i < ROWS; i += 500) {
    await pushOk(t.app, cookie, pushBody(account.accountId, 'phone', mutations.slice(i, i + 500)));
  }
});
afterAll(async () => {
  await t.close();
});

function pullPage(acceptEncoding: string | undefined) {
  return t.app.inject({
    method: 'GET',
    url: `/api/sync/pull?limit=${ROWS}`,
    headers: {
      cookie,
      ...(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }),
    },
  });
}

/** The page without the server's clock, which differs between two pulls. */
function withoutTime(page: PullResponse): Omit<PullResponse, 'serverTime'> {
  const { serverTime: _serverTime, ...rest } = page;
  return rest;
}

describe('compressed JSON answers', () => {
  it.each([
    ['br', 'gzip, deflate, br, zstd', brotliDecompressSync],
    ['gzip', 'gzip, deflate', gunzipSync],
  ])(
    'a pull page of 1,000 rows comes %s-encoded (accept-encoding: %s) and decodes to the same JSON',
    async (encoding, accept, decode) => {
      const plain = await pullPage(undefined);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      const expected = plain.json() as PullResponse;
      expect(expected.bags).toHaveLength(ROWS);

      const response = await pullPage(accept);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
      const page = JSON.parse(decode(response.rawPayload).toString('utf8')) as PullResponse;
      expect(withoutTime(page)).toEqual(withoutTime(expected));
    },
  );

  it('a small answer comes as it is, whatever the client accepts', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.json()).toMatchObject({ status: 'ok' });
  });
});
