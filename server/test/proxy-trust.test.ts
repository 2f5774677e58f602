import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from '../src/config.js';
import { createTestApp, type TestApp, uniqueEmail } from './support/test-app.js';

describe('TRUST_PROXY', () => {
  it('reads a hop count or a list of proxy addresses, never "trust everyone"', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.0.0.2, 10.1.0.0/16,::1')).toEqual([
      '10.0.0.2',
      '10.1.0.0/16',
      '::1',
    ]);
    for (const bad of ['true', 'yes', '10.0.0.300', '10.0.0.0/33', '1,']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

// An attacker writes X-Forwarded-For itself; the one proxy in front appends the address it
// saw (10.0.0.2 here). Behind TRUST_PROXY=1 the client is that address, whatever came before.
describe.each([
  ['TRUST_PROXY=1', () => loadConfig({ TRUST_PROXY: '1' }).trustProxy],
  ['TRUST_PROXY=<the proxy address>', () => loadConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy],
])('behind %s', (_name, trustProxy) => {
  const ipMax = 4;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      trustProxy: trustProxy(),
      authRateLimit: {
        ipMax,
        emailMax: 100,
        pairMax: 100,
        windowMs: 60_000,
        delayBaseMs: 0,
        delayMaxMs: 0,
      },
    });
  });
  afterAll(() => t.close());

  it('a client-written X-Forwarded-For entry does not dodge the per-address limit', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 8; i += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': `192.0.2.${i}, 10.0.0.2` },
        payload: { email: uniqueEmail('spray'), password: 'wrong password' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429]);
  });
});
