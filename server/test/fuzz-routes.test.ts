import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES, ROUTES } from '../../shared/protocol/routes.js';
import {
  anyJson,
  createFuzzer,
  type Fuzzer,
  hostileString,
  rawBody,
  runs,
} from './fuzz-harness.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';

// Every other route — health, the test hooks, unknown paths and wrong methods on real ones —
// plus foreign Origins on state-changing requests. The app runs with its test hooks so those
// routes are fuzzed too (never /crash-after-commit: it would kill this test process).
let t: TestApp;
let fuzz: Fuzzer;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp({ testHooks: true });
  cookie = (await signUp(t.app)).cookie;
  fuzz = createFuzzer(t.app, t.db);
});
afterAll(async () => {
  console.log(
    `fuzz routes: ${fuzz.sent} requests, statuses ${JSON.stringify(Object.fromEntries(fuzz.statuses))}`,
  );
  await t.close();
});

const percent = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

// HEAD is left out: its answers have no body to hold an ErrorBody.
const method = fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS') as fc.Arbitrary<
  'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS'
>;
// Every route of the table but the crash hook: armed, it kills the process at the next
// committed push, and here that process is the test runner.
const knownPath = fc.constantFrom(
  ...ALL_ROUTES.filter((route) => route !== ROUTES.test.crashAfterCommit).map((r) => r.path),
);
const path = fc.oneof(
  knownPath,
  knownPath.chain((p) => hostileString.map((s) => `${p}/${percent(s)}`)),
  fc
    .array(hostileString, { minLength: 1, maxLength: 4 })
    .map((parts) => `/api/${parts.map(percent).join('/')}`),
  fc.constantFrom(
    '/api',
    '/api/',
    '/api/sync',
    '/api//sync/pull',
    '/API/HEALTH',
    '/api/sync/pull/..',
    '/api/%2e%2e/etc',
  ),
);

describe('fuzzing every other route', () => {
  it('answers any method on any path with 2xx or a named 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, fc.option(anyJson, { nil: undefined }), async (m, p, body) => {
        if (p.startsWith(ROUTES.test.failNextPush.path) && m === ROUTES.test.failNextPush.method) {
          return; // fuzzed below
        }
        await fuzz.send({
          method: m,
          url: p,
          headers: {
            cookie,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined || m === 'GET' ? {} : { payload: JSON.stringify(body) ?? 'null' }),
        });
      }),
      { numRuns: runs(720) },
    );
  });

  it('answers the test hooks and health with any body or query', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ROUTES.test.failNextPush.path,
          ROUTES.test.revokeSessions.path,
          ROUTES.health.path,
          ROUTES.test.stats.path,
        ),
        fc.oneof(
          anyJson,
          fc.record({ status: anyJson, count: anyJson, email: anyJson }, { requiredKeys: [] }),
        ),
        rawBody,
        fc.boolean(),
        async (url, json, raw, useRaw) => {
          const get = url === ROUTES.health.path || url === ROUTES.test.stats.path;
          await fuzz.send(
            get
              ? { method: 'GET', url: `${url}?${percent(JSON.stringify(json) ?? '')}` }
              : useRaw
                ? {
                    method: 'POST',
                    url,
                    payload: raw.payload,
                    headers:
                      raw.contentType === undefined ? {} : { 'content-type': raw.contentType },
                  }
                : {
                    method: 'POST',
                    url,
                    payload: JSON.stringify(json) ?? 'null',
                    headers: { 'content-type': 'application/json' },
                  },
          );
        },
      ),
      { numRuns: runs(500) },
    );
    // Reset whatever failures the fuzzing armed.
    await t.app.inject({
      method: 'POST',
      url: ROUTES.test.failNextPush.path,
      payload: { count: 0 },
    });
  });

  it('refuses every state-changing request from a foreign Origin with forbidden_origin', async () => {
    const origin = fc.oneof(
      fc.constantFrom(
        'https://evil.example',
        'null',
        'http://localhost:8080',
        'http://localhost.evil.example',
        'https://localhost',
      ),
      fc.webUrl().filter((u) => !u.startsWith('http://localhost/') && u !== 'http://localhost'),
      hostileString.map(percent).filter((s) => s !== ''),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ROUTES.auth.signup.path,
          ROUTES.auth.login.path,
          ROUTES.auth.logout.path,
          ROUTES.sync.push.path,
          ROUTES.test.revokeSessions.path,
        ),
        origin,
        anyJson,
        async (url, o, body) => {
          const response = await fuzz.send({
            method: 'POST',
            url,
            headers: { cookie, origin: o, 'content-type': 'application/json' },
            payload: JSON.stringify(body) ?? 'null',
          });
          expect(response.json()).toMatchObject({ statusCode: 403, code: 'forbidden_origin' });
        },
      ),
      { numRuns: runs(400) },
    );
    expect(fuzz.sent).toBeGreaterThanOrEqual(runs(1600));
  });
});
