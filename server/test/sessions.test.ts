import { sql } from 'kysely';
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
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (cookie: string) =>
  t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

describe('signing in replaces the session the request came with', () => {
  it('login revokes the incoming session, even of another account', async () => {
    const planted = await signUp(t.app);
    const owner = await signUp(t.app);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: planted.cookie },
      payload: { email: owner.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect((await me(sessionCookieOf(login.headers['set-cookie']))).statusCode).toBe(200);
    expect((await me(planted.cookie)).statusCode).toBe(401);
  });

  it('signup revokes the incoming session', async () => {
    const previous = await signUp(t.app);
    const signup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { cookie: previous.cookie },
      payload: { email: uniqueEmail(), password: TEST_PASSWORD },
    });
    expect(signup.statusCode).toBe(201);
    expect((await me(previous.cookie)).statusCode).toBe(401);
  });
});

describe('absolute session lifetime', () => {
  it('ends a session 90 days after sign-in however recently it was renewed', async () => {
    const { cookie, accountId } = await signUp(t.app);
    await sql`update sessions set created_at = now() - interval '89 days' where account_id = ${accountId}`.execute(
      t.db,
    );
    expect((await me(cookie)).statusCode).toBe(200);
    await sql`update sessions set created_at = now() - interval '91 days' where account_id = ${accountId}`.execute(
      t.db,
    );
    const late = await me(cookie);
    expect(late.statusCode).toBe(401);
    expect(late.json()).toMatchObject({ code: 'unauthorized' });
  });

  it('never renews a session past its absolute end', async () => {
    const { cookie, accountId } = await signUp(t.app);
    // 80 days old, 5 days left: due for renewal, but only up to day 90.
    await sql`update sessions set created_at = now() - interval '80 days', expires_at = now() + interval '5 days' where account_id = ${accountId}`.execute(
      t.db,
    );
    expect((await me(cookie)).statusCode).toBe(200);
    const row = await t.db
      .selectFrom('sessions')
      .select(['created_at', 'expires_at'])
      .where('account_id', '=', accountId)
      .executeTakeFirstOrThrow();
    const days = (row.expires_at.getTime() - row.created_at.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThanOrEqual(90);
  });
});

describe('logout', () => {
  it('clears the cookie even when revoking the session fails, and says it failed', async () => {
    const broken = await createTestApp();
    try {
      const { cookie } = await signUp(broken.app);
      // Any update of a session now fails inside PostgreSQL: revoking cannot be written.
      await sql`alter table sessions add constraint never_revoked check (revoked_at is null)`.execute(
        broken.db,
      );
      const logout = await broken.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie },
      });
      expect(logout.statusCode).toBe(500);
      expect(logout.json()).toMatchObject({ statusCode: 500, code: 'internal' });
      const cleared = [logout.headers['set-cookie'] ?? []].flat();
      expect(
        cleared.some((c) =>
          /^dialin_session=;.*Max-Age=0|^dialin_session=;.*Expires=Thu, 01 Jan 1970/.test(c),
        ),
      ).toBe(true);
      expect((await authRowCounts(broken.db)).liveSessions).toBe(1);
    } finally {
      await broken.close();
    }
  });
});

describe('PUBLIC_URL', () => {
  it('with https, the cookie is __Host- and Secure even over plain http without a proxy', async () => {
    const secure = await createTestApp({ publicUrl: new URL('https://dial.example') });
    try {
      const signup = await secure.app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        payload: { email: uniqueEmail(), password: TEST_PASSWORD },
      });
      expect(signup.statusCode).toBe(201);
      const setCookie = String(signup.headers['set-cookie']);
      expect(setCookie).toMatch(
        /^__Host-dialin_session=[^;]+; Max-Age=\d+; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
      );
      expect(setCookie).not.toMatch(/Domain=/i);
      const pair = setCookie.split(';')[0] ?? '';
      const signedIn = await secure.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: pair },
      });
      expect(signedIn.statusCode).toBe(200);
      // The plain name is not read: a cookie set over http cannot stand in for it.
      const plain = pair.replace('__Host-', '');
      const shadow = await secure.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: plain },
      });
      expect(shadow.statusCode).toBe(401);
    } finally {
      await secure.close();
    }
  });
});
