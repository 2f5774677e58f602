import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authRowCounts } from './support/auth-counts.js';
import { createTestApp, TEST_PASSWORD, type TestApp, uniqueEmail } from './support/test-app.js';

// Low limits so the test reaches them; the window is long enough never to reset mid-test.
const LIMITS = { ipMax: 6, emailMax: 3, windowMs: 10 * 60_000 };

let t: TestApp;
beforeAll(async () => {
  // trustProxy: X-Forwarded-For stands for distinct client IPs.
  t = await createTestApp({ authRateLimit: LIMITS, trustProxy: true });
});
afterAll(() => t.close());

function login(email: string, ip: string, password = 'wrong password') {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-forwarded-for': ip },
    payload: { email, password },
  });
}

describe('login and signup rate limits', () => {
  it('limits attempts per email, across IPs and email case, even with the right password', async () => {
    const email = uniqueEmail('target');
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'x-forwarded-for': '10.0.0.1' },
      payload: { email, password: TEST_PASSWORD },
    });
    expect(signup.statusCode).toBe(201);
    // The signup counted once for this email; two more attempts fit in the limit of 3.
    expect((await login(email, '10.0.1.1')).statusCode).toBe(401);
    expect((await login(email.toUpperCase(), '10.0.1.2')).statusCode).toBe(401);

    const limited = await login(email, '10.0.1.3', TEST_PASSWORD);
    expect(limited.statusCode).toBe(429);
    const body = limited.json();
    expect(body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
    expect(body.details.retryAfterS).toBeGreaterThan(0);
    expect(limited.headers['retry-after']).toBe(String(body.details.retryAfterS));
    expect(limited.headers['set-cookie']).toBeUndefined();

    // Another email from a fresh IP is unaffected.
    expect((await login(uniqueEmail('other'), '10.0.1.4')).statusCode).toBe(401);
  });

  it('limits attempts per IP, across emails, and writes nothing once limited', async () => {
    const ip = '10.0.2.1';
    for (let attempt = 0; attempt < LIMITS.ipMax; attempt += 1) {
      expect((await login(uniqueEmail('spray'), ip)).statusCode).toBe(401);
    }
    const before = await authRowCounts(t.db);
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'x-forwarded-for': ip },
      payload: { email: uniqueEmail('late'), password: TEST_PASSWORD },
    });
    expect(signup.statusCode).toBe(429);
    expect(signup.json()).toMatchObject({ code: 'rate_limited' });
    expect(await authRowCounts(t.db)).toEqual(before);

    // Another IP still gets through.
    expect((await login(uniqueEmail('spray'), '10.0.2.2')).statusCode).toBe(401);
  });

  it('does not limit signed-in routes', async () => {
    for (let attempt = 0; attempt < LIMITS.ipMax + 2; attempt += 1) {
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { 'x-forwarded-for': '10.0.2.1' },
      });
      expect(me.statusCode).toBe(401);
    }
  });
});
