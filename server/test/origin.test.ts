import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authRowCounts } from './support/auth-counts.js';
import {
  createTestApp,
  signUp,
  TEST_PASSWORD,
  type TestApp,
  uniqueEmail,
} from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function signupFrom(headers: Record<string, string>) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    headers,
    payload: { email: uniqueEmail(), password: TEST_PASSWORD },
  });
}

describe('Origin check on state-changing requests', () => {
  it.each([
    ['another site', 'https://evil.example'],
    ['the same host on another port', 'http://localhost:4000'],
    ['an opaque origin', 'null'],
    ['garbage', 'not a url'],
    ['the same host over https on an http server', 'https://localhost:3000'],
    ['the same origin with userinfo', 'http://user:pass@localhost:3000'],
    ['the same origin with a path', 'http://localhost:3000/app'],
  ])('refuses %s with 403 forbidden_origin and writes nothing', async (_name, origin) => {
    const before = await authRowCounts(t.db);
    const response = await signupFrom({ host: 'localhost:3000', origin });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ statusCode: 403, code: 'forbidden_origin' });
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(await authRowCounts(t.db)).toEqual(before);
  });

  it('allows the same origin, default ports and any case', async () => {
    expect(
      (await signupFrom({ host: 'localhost:3000', origin: 'http://localhost:3000' })).statusCode,
    ).toBe(201);
    expect(
      (await signupFrom({ host: 'dial.example', origin: 'http://DIAL.example' })).statusCode,
    ).toBe(201);
    expect(
      (await signupFrom({ host: 'dial.example:80', origin: 'http://dial.example' })).statusCode,
    ).toBe(201);
  });

  it('compares the scheme a proxy reports: https is allowed behind it, http refused', async () => {
    const proxied = await createTestApp({ trustProxy: ['127.0.0.1'] });
    try {
      const from = (origin: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/auth/signup',
          headers: { host: 'dial.example', 'x-forwarded-proto': 'https', origin },
          payload: { email: uniqueEmail(), password: TEST_PASSWORD },
        });
      expect((await from('https://dial.example')).statusCode).toBe(201);
      expect((await from('http://dial.example')).statusCode).toBe(403);
    } finally {
      await proxied.close();
    }
  });

  it('allows requests without an Origin header (same-origin GETs, curl)', async () => {
    expect((await signupFrom({ host: 'localhost:3000' })).statusCode).toBe(201);
  });

  it('guards logout too, but never reads (GET)', async () => {
    const { cookie } = await signUp(t.app);
    const foreign = { host: 'localhost:3000', origin: 'https://evil.example', cookie };
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: foreign,
    });
    expect(logout.statusCode).toBe(403);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: foreign });
    expect(me.statusCode).toBe(200);
  });
});
