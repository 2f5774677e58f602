import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorBody } from '../../shared/protocol/errors.js';
import { authRowCounts } from './support/auth-counts.js';
import {
  createTestApp,
  signUp,
  TEST_PASSWORD,
  type TestApp,
  uniqueEmail,
} from './support/test-app.js';

// Only what the schema says is accepted, and each refusal names its problem in the one body.
let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = (await signUp(t.app)).cookie;
});
afterAll(() => t.close());

describe('pull limit', () => {
  it.each(['1.5', '0x2', '0b11', ' 3', '3 ', '+3', '1e1', '03', '-1', ''])(
    'refuses limit=%j',
    async (limit) => {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/sync/pull?limit=${encodeURIComponent(limit)}`,
        headers: { cookie },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'bad_request',
        details: { in: 'querystring', field: 'limit' },
      });
      expect(response.json().message).toMatch(/^querystring\.limit must be/);
    },
  );

  it('takes a plain decimal limit', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/sync/pull?limit=3',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('JSON bodies', () => {
  const credentials = (): string => `{"email":"${uniqueEmail()}","password":"${TEST_PASSWORD}"}`;
  const signup = (payload: string | Buffer, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'content-type': contentType },
      payload,
    });

  it.each([
    [
      'a UTF-8 byte-order mark',
      () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(credentials())]),
      'application/json',
      400,
      /byte-order mark/,
    ],
    [
      'charset=latin1',
      () => credentials(),
      'application/json; charset=latin1',
      415,
      /UTF-8 JSON, not charset=latin1/,
    ],
    [
      'invalid UTF-8',
      () =>
        Buffer.concat([
          Buffer.from('{"email":"'),
          Buffer.from([0xc3, 0x28]),
          Buffer.from(`@x.io","password":"${TEST_PASSWORD}"}`),
        ]),
      'application/json',
      400,
      /not valid UTF-8/,
    ],
    [
      'a duplicate key',
      () => `{"email":"${uniqueEmail()}","email":"${uniqueEmail()}","password":"${TEST_PASSWORD}"}`,
      'application/json',
      400,
      /key "email" in the body appears twice/,
    ],
    [
      'a __proto__ key',
      () => `{"email":"${uniqueEmail()}","password":"${TEST_PASSWORD}","__proto__":{"admin":true}}`,
      'application/json',
      400,
      /key "__proto__" in the body is a prototype key/,
    ],
    ['not JSON', () => '{"email":', 'application/json', 400, /not valid JSON/],
  ] as [string, () => string | Buffer, string, number, RegExp][])(
    'refuses %s, naming it, and writes nothing',
    async (_name, body, contentType, status, message) => {
      const before = await authRowCounts(t.db);
      const response = await signup(body(), contentType);
      expect(response.statusCode).toBe(status);
      expect(isErrorBody(response.json())).toBe(true);
      expect(response.json().message).toMatch(message);
      expect(await authRowCounts(t.db)).toEqual(before);
    },
  );

  it('names a nested duplicate by its path', async () => {
    const { accountId } = await signUp(t.app);
    const payload =
      `{"accountId":"${accountId}","deviceId":"d","schemaVersion":2,"mutations":[{"id":"x"},` +
      '{"patch":{"name":"a","name":"b"}}]}';
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { cookie, 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ details: { field: 'mutations[1].patch.name' } });
    expect(response.json().message).toMatch(
      /key "name" in body\.mutations\[1\]\.patch appears twice/,
    );
  });

  it('still takes utf-8 (any case) and plain JSON, and an empty logout body', async () => {
    expect((await signup(credentials(), 'application/json; charset=UTF-8')).statusCode).toBe(201);
    expect((await signup(credentials())).statusCode).toBe(201);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expect(logout.statusCode).toBe(200);
  });
});

describe("Fastify's own errors", () => {
  it('a URL that does not decode gets the one error body', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/%zz' });
    expect(response.statusCode).toBe(400);
    expect(isErrorBody(response.json())).toBe(true);
    expect(response.json()).toMatchObject({ statusCode: 400, code: 'bad_request' });
  });

  it('a request with both Transfer-Encoding and Content-Length gets the one error body', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
            'Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        );
      });
      let data = '';
      socket.on('data', (chunk) => {
        data += chunk.toString('utf8');
      });
      socket.on('end', () => resolve(data));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/content-type: application\/json/i);
    const parsed = JSON.parse(body);
    expect(isErrorBody(parsed)).toBe(true);
    expect(parsed).toMatchObject({ statusCode: 400, code: 'bad_request' });
  });
});
