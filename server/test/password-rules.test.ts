import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authRowCounts } from './support/auth-counts.js';
import { createTestApp, TEST_PASSWORD, type TestApp, uniqueEmail } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (url: string, email: string, password: string) =>
  t.app.inject({ method: 'POST', url, payload: { email, password } });

describe('password rules', () => {
  it.each(['password', 'iloveyou', 'Password1', '12345678', 'QWERTYUIOP', 'trustno1'])(
    'refuses the common password %j at signup, naming the field',
    async (password) => {
      const before = await authRowCounts(t.db);
      const response = await post('/api/auth/signup', uniqueEmail(), password);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        code: 'bad_request',
        message: 'This password is one of the most common ones; choose another.',
        details: { in: 'body', field: 'password' },
      });
      expect(await authRowCounts(t.db)).toEqual(before);
    },
  );

  it.each([
    ['a lone high surrogate', 'abc\ud800defgh'],
    ['a lone low surrogate', 'abc\udc00defgh'],
    ['a reversed pair', 'abcdefgh\udc00\ud800'],
  ])('refuses %s at signup and at login', async (_name, password) => {
    const email = uniqueEmail();
    const signup = await post('/api/auth/signup', email, password);
    expect(signup.statusCode).toBe(400);
    expect(signup.json().message).toMatch(/unpaired surrogate/);
    const login = await post('/api/auth/login', email, password);
    expect(login.statusCode).toBe(400);
    expect(login.json()).toMatchObject({ details: { field: 'password' } });
  });

  it('two passwords that differ only in a lone surrogate never open the same account', async () => {
    const email = uniqueEmail();
    expect((await post('/api/auth/signup', email, 'abc\ud800defgh')).statusCode).toBe(400);
    expect((await post('/api/auth/login', email, 'abc\udc00defgh')).statusCode).toBe(400);
  });

  it('takes an uncommon password, with paired surrogates (emoji) too', async () => {
    expect((await post('/api/auth/signup', uniqueEmail(), TEST_PASSWORD)).statusCode).toBe(201);
    const email = uniqueEmail();
    expect((await post('/api/auth/signup', email, 'espresso ☕ 🫘 dial')).statusCode).toBe(201);
    expect((await post('/api/auth/login', email, 'espresso ☕ 🫘 dial')).statusCode).toBe(200);
  });
});
