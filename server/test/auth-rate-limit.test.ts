import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import type { AuthRateLimit } from '../src/config.js';
import { authRowCounts } from './support/auth-counts.js';
import { createTestApp, TEST_PASSWORD, type TestApp, uniqueEmail } from './support/test-app.js';

// Low limits so the test reaches them; the window is long enough never to reset mid-test.
const LIMITS: AuthRateLimit = {
  ipMax: 6,
  emailMax: 4,
  pairMax: 3,
  windowMs: 10 * 60_000,
  delayBaseMs: 40,
  delayMaxMs: 160,
};

let t: TestApp;
/** A second server instance on the same database, as behind a load balancer. */
let other: FastifyInstance;
beforeAll(async () => {
  // trustProxy: X-Forwarded-For stands for distinct client IPs.
  t = await createTestApp({ authRateLimit: LIMITS, trustProxy: 1 });
  other = await buildApp({ db: t.db, authRateLimit: LIMITS, trustProxy: 1 });
  await other.ready();
});
afterAll(async () => {
  await other.close();
  await t.close();
});

function login(email: string, ip: string, password = 'wrong password', app = t.app) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-forwarded-for': ip },
    payload: { email, password },
  });
}

async function signUpFrom(ip: string, email = uniqueEmail('target')) {
  const signup = await t.app.inject({
    method: 'POST',
    url: '/api/auth/signup',
    headers: { 'x-forwarded-for': ip },
    payload: { email, password: TEST_PASSWORD },
  });
  expect(signup.statusCode).toBe(201);
  return email;
}

describe('login and signup rate limits', () => {
  it('refuses an address after pairMax failures on one email, across instances and email case', async () => {
    const email = await signUpFrom('10.0.0.1');
    expect((await login(email, '10.0.1.1')).statusCode).toBe(401);
    expect((await login(email.toUpperCase(), '10.0.1.1', undefined, other)).statusCode).toBe(401);
    expect((await login(email, '10.0.1.1')).statusCode).toBe(401);

    // Even the right password: this address has guessed this email too often.
    const limited = await login(email, '10.0.1.1', TEST_PASSWORD, other);
    expect(limited.statusCode).toBe(429);
    const body = limited.json();
    expect(body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
    expect(body.details.retryAfterS).toBeGreaterThan(0);
    expect(limited.headers['retry-after']).toBe(String(body.details.retryAfterS));
    expect(limited.headers['set-cookie']).toBeUndefined();

    // The owner, from an address without failures, still signs in.
    expect((await login(email, '10.0.1.2', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('slows an address down with each failure before it refuses it', async () => {
    const email = await signUpFrom('10.0.3.1');
    const elapsed: number[] = [];
    for (let attempt = 0; attempt < LIMITS.pairMax; attempt += 1) {
      const started = performance.now();
      expect((await login(email, '10.0.3.2')).statusCode).toBe(401);
      elapsed.push(performance.now() - started);
    }
    // No wait before the first check; 40 ms, then 80 ms, before the next ones.
    expect(elapsed[1]).toBeGreaterThanOrEqual(LIMITS.delayBaseMs);
    expect(elapsed[2]).toBeGreaterThanOrEqual(2 * LIMITS.delayBaseMs);
  });

  it('counts only failures: the owner signing in often is never limited', async () => {
    const email = await signUpFrom('10.0.4.1');
    for (let attempt = 0; attempt < LIMITS.pairMax + LIMITS.emailMax; attempt += 1) {
      const app = attempt % 2 === 0 ? t.app : other;
      expect((await login(email, '10.0.4.2', TEST_PASSWORD, app)).statusCode).toBe(200);
    }
  });

  it('a burst of wrong passwords from many addresses does not lock the owner out', async () => {
    const email = await signUpFrom('10.0.5.1');
    const guesses = 3 * LIMITS.emailMax;
    const answers = await Promise.all(
      Array.from({ length: guesses }, (_, i) =>
        login(email, `198.51.100.${i + 1}`, `guess number ${i}`, i % 2 === 0 ? t.app : other),
      ),
    );
    // Each address gets its guess checked (one per address), never more.
    expect(answers.map((r) => r.statusCode)).toEqual(Array(guesses).fill(401));
    // A second guess from an address that failed, once the email has emailMax failures: refused.
    expect((await login(email, '198.51.100.1')).statusCode).toBe(429);
    expect((await login(email, '198.51.100.2', TEST_PASSWORD, other)).statusCode).toBe(429);

    const before = await authRowCounts(t.db);
    const owner = await login(email, '192.0.2.7', TEST_PASSWORD, other);
    expect(owner.statusCode).toBe(200);
    expect(owner.headers['set-cookie']).toBeDefined();
    expect((await authRowCounts(t.db)).liveSessions).toBe(before.liveSessions + 1);
  });

  it('limits failures per IP, across emails and instances, and writes nothing once limited', async () => {
    const ip = '10.0.2.1';
    for (let attempt = 0; attempt < LIMITS.ipMax; attempt += 1) {
      const app = attempt % 2 === 0 ? t.app : other;
      expect((await login(uniqueEmail('spray'), ip, undefined, app)).statusCode).toBe(401);
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
