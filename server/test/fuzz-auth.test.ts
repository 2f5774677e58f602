import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anyJson,
  createFuzzer,
  type Fuzzer,
  hostileString,
  rawBody,
  runs,
} from './fuzz-harness.js';
import { createTestApp, signUp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

// The auth routes under fuzzing: any body, raw bytes, hostile emails and passwords, forged
// cookies and foreign Origins. Well-formed credentials cost an scrypt (~100 ms), so most
// generated bodies are malformed; enough well-formed ones get through to exercise the rest.
let t: TestApp;
let fuzz: Fuzzer;
let known: { email: string; cookie: string };

beforeAll(async () => {
  t = await createTestApp();
  known = await signUp(t.app);
  fuzz = createFuzzer(t.app, t.db);
});
afterAll(async () => {
  console.log(
    `fuzz auth: ${fuzz.sent} requests, statuses ${JSON.stringify(Object.fromEntries(fuzz.statuses))}`,
  );
  await t.close();
});

const percent = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

const emailArb = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 2, arbitrary: anyJson },
  { weight: 1, arbitrary: hostileString.map((s) => `${s}@example.com`) },
  { weight: 1, arbitrary: fc.constant(`${'x'.repeat(250)}@example.com`) },
);
const passwordArb = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 2, arbitrary: anyJson },
  { weight: 1, arbitrary: fc.constant('p'.repeat(201)) },
  { weight: 1, arbitrary: fc.constantFrom(TEST_PASSWORD, "' or 1=1 --xx") },
);
const route = fc.constantFrom('/api/auth/signup', '/api/auth/login');

describe('fuzzing the auth routes', () => {
  it('signup and login answer any credentials body with 2xx or a named 4xx', async () => {
    const body = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({ email: emailArb, password: passwordArb }, { requiredKeys: [] }),
      },
      {
        weight: 1,
        arbitrary: fc.record(
          { email: fc.constant(known.email), password: passwordArb, extra: anyJson },
          { requiredKeys: ['email', 'password'] },
        ),
      },
      { weight: 2, arbitrary: anyJson },
    );
    await fc.assert(
      fc.asyncProperty(route, body, async (url, payload) => {
        const response = await fuzz.send({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify(payload) ?? 'null',
        });
        // A wrong password for a known email never signs in.
        if (url.endsWith('login') && (payload as { email?: unknown })?.email === known.email) {
          const password = (payload as { password?: unknown }).password;
          if (password !== TEST_PASSWORD) expect(response.statusCode).toBeGreaterThanOrEqual(400);
        }
      }),
      { numRuns: runs(700) },
    );
  });

  it('answers raw, deeply nested and wrongly typed bodies on every auth route', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/auth/signup', '/api/auth/login', '/api/auth/logout'),
        rawBody,
        async (url, { payload, contentType }) => {
          await fuzz.send({
            method: 'POST',
            url,
            headers: contentType === undefined ? {} : { 'content-type': contentType },
            payload,
          });
        },
      ),
      { numRuns: runs(350) },
    );
  });

  it('logout and me refuse forged sessions and foreign origins without writing', async () => {
    const cookie = fc.oneof(
      hostileString.map((s) => `dialin_session=${percent(s)}`),
      fc.base64String({ minLength: 40, maxLength: 48 }).map((s) => `dialin_session=${s}`),
      fc.constantFrom(
        '',
        'dialin_session=',
        'dialin_session',
        'dialin_session=a; dialin_session=b',
      ),
    );
    const origin = fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'https://evil.example',
          'null',
          'http://localhost:81',
          'file://',
        ),
      },
      { weight: 1, arbitrary: hostileString.map(percent) },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('logout', 'me'), cookie, origin, async (which, c, o) => {
        const response = await fuzz.send({
          method: which === 'me' ? 'GET' : 'POST',
          url: `/api/auth/${which}`,
          headers: { cookie: c, ...(o === undefined ? {} : { origin: o }) },
        });
        if (which === 'me') expect(response.statusCode).toBe(401);
        if (which === 'logout' && o !== undefined) expect(response.statusCode).toBe(403);
      }),
      { numRuns: runs(450) },
    );
    // The one real session survived all of it.
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: known.cookie },
    });
    expect(me.statusCode).toBe(200);
    expect(fuzz.sent).toBeGreaterThanOrEqual(runs(1500));
  });
});
