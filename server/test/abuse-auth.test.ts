import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeHlc } from '../../shared/hlc.js';
import { DEFAULT_AUTH_RATE_LIMIT } from '../src/config.js';
import { authRowCounts } from './support/auth-counts.js';
import {
  createTestApp,
  sessionCookieOf,
  signUp,
  TEST_PASSWORD,
  type TestApp,
  uniqueEmail,
} from './support/test-app.js';
import { dumpSyncState, mutation, newBag, pull, push, pushBody, pushOk } from './sync-helpers.js';

// Abuse as an attacker would try it, beyond the route tests in auth*.test.ts and
// origin.test.ts: a cookie copied off a device, a forged cross-site push carrying a real
// session, and a concurrent guessing burst against the shipped rate limits.
let t: TestApp;
beforeAll(async () => {
  // The limits the server ships with (config.ts), not test-sized ones; X-Forwarded-For
  // stands for the attacker's many addresses.
  t = await createTestApp({ authRateLimit: DEFAULT_AUTH_RATE_LIMIT, trustProxy: 1 });
});
afterAll(() => t.close());

const hlc = () => serializeHlc({ millis: Date.now(), counter: 0, node: 'abuse' });
const fromIp = (ip: string, headers: Record<string, string> = {}) => ({
  'x-forwarded-for': ip,
  ...headers,
});

describe('a stolen session cookie', () => {
  it('stops working everywhere once its owner logs out, and a new login does not revive it', async () => {
    const victim = await signUp(t.app);
    await pushOk(
      t.app,
      victim.cookie,
      pushBody(victim.accountId, 'phone', [mutation('bag', randomUUID(), hlc(), newBag())]),
    );
    const stolen = victim.cookie; // copied by the attacker, used from elsewhere
    expect((await pull(t.app, stolen)).statusCode).toBe(200);

    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: victim.cookie },
    });
    expect(logout.statusCode).toBe(200);

    const before = await dumpSyncState(t.db);
    const attempts = [
      await t.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: fromIp('203.0.113.9', { cookie: stolen }),
      }),
      await pull(t.app, stolen),
      await push(
        t.app,
        stolen,
        pushBody(victim.accountId, 'attacker', [
          mutation('bag', randomUUID(), hlc(), newBag('planted')),
        ]),
      ),
    ];
    for (const response of attempts) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthorized' });
      expect(response.headers['set-cookie']).toBeUndefined();
    }
    expect(await dumpSyncState(t.db)).toBe(before);

    // The owner signs in again: a new token; the stolen one stays dead.
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: victim.email, password: TEST_PASSWORD },
    });
    const fresh = sessionCookieOf(login.headers['set-cookie']);
    expect(fresh).not.toBe(stolen);
    expect((await pull(t.app, fresh)).statusCode).toBe(200);
    expect((await pull(t.app, stolen)).statusCode).toBe(401);
  });
});

describe('a cross-site POST', () => {
  it('is refused before it is read, even carrying a live session and a well-formed push', async () => {
    const user = await signUp(t.app);
    const before = await dumpSyncState(t.db);
    const body = JSON.stringify(
      pushBody(user.accountId, 'evil', [mutation('bag', randomUUID(), hlc(), newBag('csrf'))]),
    );
    // text/plain is what a plain HTML form or a no-preflight fetch from another site can send.
    for (const [origin, contentType] of [
      ['https://evil.example', 'application/json'],
      ['https://evil.example', 'text/plain'],
      ['null', 'text/plain'],
      ['http://localhost.evil.example', 'application/json'],
    ] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: {
          host: 'localhost:3000',
          origin,
          cookie: user.cookie,
          'content-type': contentType,
        },
        payload: body,
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: 'forbidden_origin' });
    }
    expect(await dumpSyncState(t.db)).toBe(before);
    // The same push from the app's own origin goes through: the session was live all along.
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: {
        host: 'localhost:3000',
        origin: 'http://localhost:3000',
        cookie: user.cookie,
        'content-type': 'application/json',
      },
      payload: body,
    });
    expect(own.statusCode).toBe(200);
  });
});

describe('a password-guessing burst', () => {
  it('gets one guess per address at the shipped limits, and never locks the owner out', async () => {
    const victim = await signUp(t.app, uniqueEmail('victim'));
    const guesses = 3 * DEFAULT_AUTH_RATE_LIMIT.emailMax;
    // All at once, each from its own address, as a botnet would.
    const answers = await Promise.all(
      Array.from({ length: guesses }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          headers: fromIp(`198.51.100.${i + 1}`),
          payload: { email: victim.email.toUpperCase(), password: `guess number ${i}` },
        }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(guesses).fill(401));
    // A second guess from any of those addresses is refused: the email has had enough failures.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: fromIp('198.51.100.1'),
      payload: { email: victim.email, password: 'guess number 1000' },
    });
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ code: 'rate_limited' });
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);

    // The owner, from their own address, signs in with the right password.
    const sessions = await authRowCounts(t.db);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: fromIp('192.0.2.1'),
      payload: { email: victim.email, password: TEST_PASSWORD },
    });
    expect(right.statusCode).toBe(200);
    expect((await authRowCounts(t.db)).liveSessions).toBe(sessions.liveSessions + 1);
  });
});
