import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authRowCounts } from './support/auth-counts.js';
import {
  createTestApp,
  sessionCookieOf,
  signUp,
  TEST_PASSWORD,
  type TestApp,
  uniqueEmail,
} from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ trustProxy: 1 });
});
afterAll(() => t.close());

function post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

function me(cookie: string) {
  return t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
}

describe('signup', () => {
  it('creates the account, lower-cases the email and signs in with an HttpOnly Lax cookie', async () => {
    const email = uniqueEmail('Mixed.Case').replace('example.com', 'EXAMPLE.com');
    const response = await post('/api/auth/signup', { email, password: TEST_PASSWORD });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.account.email).toBe(email.toLowerCase());
    expect(Math.abs(body.serverTime - Date.now())).toBeLessThan(60_000);

    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^dialin_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    expect(response.headers['cache-control']).toBe('no-store');

    const stored = await t.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', body.account.id)
      .executeTakeFirstOrThrow();
    expect(stored.email).toBe(email.toLowerCase());
    expect(stored.password_hash).toMatch(/^scrypt\$/);
    expect(stored.password_hash).not.toContain(TEST_PASSWORD);
    expect(stored.version).toBe(0);

    const whoami = await me(sessionCookieOf(response.headers['set-cookie']));
    expect(whoami.statusCode).toBe(200);
    expect(whoami.json().account).toEqual(body.account);
  });

  it('stores only a hash of the session token', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const token = cookie.split('=')[1] ?? '';
    const session = await t.db
      .selectFrom('sessions')
      .selectAll()
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(session.token_hash).not.toContain(token);
    expect(session.revoked_at).toBeNull();
    expect(session.expires_at.getTime()).toBeGreaterThan(Date.now());
  });

  it('refuses a second account for the same email in any case, writing nothing', async () => {
    const { email } = await signUp(t.app);
    const before = await authRowCounts(t.db);
    const again = await post('/api/auth/signup', {
      email: email.toUpperCase(),
      password: 'another password',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ statusCode: 409, code: 'email_taken' });
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(await authRowCounts(t.db)).toEqual(before);
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const response = await post(
      '/api/auth/signup',
      { email: uniqueEmail(), password: TEST_PASSWORD },
      { 'x-forwarded-proto': 'https' },
    );
    expect(response.statusCode).toBe(201);
    expect(String(response.headers['set-cookie'])).toMatch(/; Secure/);
  });
});

describe('login', () => {
  it('signs in with the right password, whatever the email case, with a new session', async () => {
    const { email, accountId, cookie: first } = await signUp(t.app);
    const response = await post('/api/auth/login', {
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().account).toEqual({ id: accountId, email });
    const second = sessionCookieOf(response.headers['set-cookie']);
    expect(second).not.toBe(first);
    expect((await me(second)).statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(200);
  });

  it('answers a wrong password exactly like an unknown email', async () => {
    const { email } = await signUp(t.app);
    const before = await authRowCounts(t.db);
    const wrongPassword = await post('/api/auth/login', { email, password: 'not the password' });
    const unknownEmail = await post('/api/auth/login', {
      email: uniqueEmail('nobody'),
      password: TEST_PASSWORD,
    });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongPassword.json()).toEqual({
      statusCode: 401,
      code: 'invalid_credentials',
      message: 'Wrong email or password.',
    });
    expect(unknownEmail.statusCode).toBe(wrongPassword.statusCode);
    expect(unknownEmail.json()).toEqual(wrongPassword.json());
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
    expect(unknownEmail.headers['set-cookie']).toBeUndefined();
    expect(await authRowCounts(t.db)).toEqual(before);
  });
});

describe('logout and me', () => {
  it('revokes the session: the old cookie then gets 401', async () => {
    const { cookie } = await signUp(t.app);
    expect((await me(cookie)).statusCode).toBe(200);

    const response = await post('/api/auth/logout', undefined, { cookie });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect(String(response.headers['set-cookie'])).toMatch(/^dialin_session=;/);

    const after = await me(cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ statusCode: 401, code: 'unauthorized' });
  });

  it('revokes only that session; other devices stay signed in', async () => {
    const { email, cookie: phone } = await signUp(t.app);
    const login = await post('/api/auth/login', { email, password: TEST_PASSWORD });
    const laptop = sessionCookieOf(login.headers['set-cookie']);
    await post('/api/auth/logout', undefined, { cookie: phone });
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(200);
  });

  it('is idempotent: logging out without or with a dead session is 200', async () => {
    const none = await post('/api/auth/logout');
    expect(none.statusCode).toBe(200);
    const jsonNoBody = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { 'content-type': 'application/json', cookie: 'dialin_session=forged' },
    });
    expect(jsonNoBody.statusCode).toBe(200);
  });

  it('refuses me without a cookie or with a forged one', async () => {
    for (const cookie of ['', 'dialin_session=', 'dialin_session=forged-token', 'other=1']) {
      const response = await me(cookie);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'unauthorized' });
    }
  });

  it('renews a session in the second half of its life, and only then', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const fresh = await me(cookie);
    expect(fresh.headers['set-cookie']).toBeUndefined();

    const soon = new Date(Date.now() + 24 * 60 * 60 * 1000);
    await t.db
      .updateTable('sessions')
      .set({ expires_at: soon })
      .where('account_id', '=', accountId)
      .execute();
    const renewed = await me(cookie);
    expect(renewed.statusCode).toBe(200);
    expect(sessionCookieOf(renewed.headers['set-cookie'])).toBe(cookie);
    const session = await t.db
      .selectFrom('sessions')
      .select('expires_at')
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    expect(session.expires_at.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
  });

  it('refuses an expired session', async () => {
    const { cookie, accountId } = await signUp(t.app);
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('account_id', '=', accountId)
      .execute();
    expect((await me(cookie)).statusCode).toBe(401);
  });
});
