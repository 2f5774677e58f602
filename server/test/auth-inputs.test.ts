import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authRowCounts } from './support/auth-counts.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const JSON_TYPE = { 'content-type': 'application/json' };

interface BadInput {
  name: string;
  body: string;
  headers?: Record<string, string>;
  status: number;
  code: string;
  /** A word the message must contain: it names the problem. */
  names?: string;
}

const cases: BadInput[] = [
  {
    name: 'invalid JSON',
    body: '{"email": "a@b.co",',
    status: 400,
    code: 'bad_request',
    names: 'JSON',
  },
  { name: 'a JSON string', body: '"a@b.co"', status: 400, code: 'bad_request', names: 'object' },
  { name: 'a JSON array', body: '[]', status: 400, code: 'bad_request', names: 'object' },
  { name: 'JSON null', body: 'null', status: 400, code: 'bad_request' },
  { name: 'an empty body', body: '', status: 400, code: 'bad_request' },
  { name: 'an empty object', body: '{}', status: 400, code: 'bad_request', names: 'email' },
  {
    name: 'a missing password',
    body: JSON.stringify({ email: 'missing@example.com' }),
    status: 400,
    code: 'bad_request',
    names: 'password',
  },
  {
    name: 'a missing email',
    body: JSON.stringify({ password: TEST_PASSWORD }),
    status: 400,
    code: 'bad_request',
    names: 'email',
  },
  {
    name: 'a number as email',
    body: JSON.stringify({ email: 12345, password: TEST_PASSWORD }),
    status: 400,
    code: 'bad_request',
    names: 'email',
  },
  {
    name: 'a number as password (never coerced)',
    body: JSON.stringify({ email: 'num@example.com', password: 1234567890 }),
    status: 400,
    code: 'bad_request',
    names: 'password',
  },
  {
    name: 'an array as email',
    body: JSON.stringify({ email: ['x@example.com'], password: TEST_PASSWORD }),
    status: 400,
    code: 'bad_request',
    names: 'email',
  },
  {
    name: 'not an email',
    body: JSON.stringify({ email: 'not-an-email', password: TEST_PASSWORD }),
    status: 400,
    code: 'bad_request',
    names: 'email',
  },
  {
    name: 'a short password',
    body: JSON.stringify({ email: 'short@example.com', password: 'short' }),
    status: 400,
    code: 'bad_request',
    names: 'password',
  },
  {
    name: 'an overlong password',
    body: JSON.stringify({ email: 'long@example.com', password: 'x'.repeat(201) }),
    status: 400,
    code: 'bad_request',
    names: 'password',
  },
  {
    name: 'an unknown property',
    body: JSON.stringify({ email: 'extra@example.com', password: TEST_PASSWORD, admin: true }),
    status: 400,
    code: 'bad_request',
    names: 'admin',
  },
  {
    name: 'prototype poisoning',
    body: '{"email":"proto@example.com","password":"correct horse","__proto__":{"x":1}}',
    status: 400,
    code: 'bad_request',
  },
  {
    name: 'a body over 1 MB',
    body: JSON.stringify({
      email: 'big@example.com',
      password: TEST_PASSWORD,
      pad: 'x'.repeat(1_100_000),
    }),
    status: 413,
    code: 'payload_too_large',
  },
  {
    name: 'a form-encoded body',
    body: 'email=form%40example.com&password=correct+horse',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'bad_request',
  },
];

describe.each(['signup', 'login'])(
  'POST /api/auth/%s refuses bad input and writes nothing',
  (route) => {
    it.each(cases)('$name → $status $code', async (input) => {
      const before = await authRowCounts(t.db);
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/auth/${route}`,
        headers: input.headers ?? JSON_TYPE,
        payload: input.body,
      });
      expect(response.statusCode).toBe(input.status);
      const body = response.json();
      expect(body).toMatchObject({ statusCode: input.status, code: input.code });
      expect(typeof body.message).toBe('string');
      if (input.names) expect(body.message).toContain(input.names);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(await authRowCounts(t.db)).toEqual(before);
    });
  },
);
