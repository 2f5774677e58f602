import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/protocol/routes.js';
import { authRowCounts } from './support/auth-counts.js';
import { createTestApp, logIn, signUp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Any update of a session fails inside PostgreSQL while this holds: revoking cannot be written. */
const breakRevoking = () =>
  sql`alter table sessions add constraint never_revoked check (revoked_at is null) not valid`.execute(
    t.db,
  );
const mendRevoking = () => sql`alter table sessions drop constraint never_revoked`.execute(t.db);

function cookiesOf(setCookie: string | string[] | undefined): string[] {
  return [setCookie ?? []].flat();
}

/** The `dialin_signout=…` pair a failed log-out left, ready for a cookie header. */
function ticketOf(setCookie: string | string[] | undefined): string {
  const header = cookiesOf(setCookie).find((c) => /^dialin_signout=[^;]+/.test(c));
  if (header === undefined) throw new Error(`no sign-out ticket in ${String(setCookie)}`);
  return header.split(';')[0] ?? '';
}

const logout = (cookie: string) =>
  t.app.inject({ method: 'POST', url: ROUTES.auth.logout.path, headers: { cookie } });
const me = (cookie: string) =>
  t.app.inject({ method: 'GET', url: ROUTES.auth.me.path, headers: { cookie } });

describe('a log-out whose revocation failed can be finished later', () => {
  it('the failed answer clears the session cookie and leaves a ticket that only signs out', async () => {
    const { cookie } = await signUp(t.app);
    await breakRevoking();
    let ticket: string;
    try {
      const failed = await logout(cookie);
      expect(failed.statusCode).toBe(500);
      const set = cookiesOf(failed.headers['set-cookie']);
      expect(set.some((c) => /^dialin_session=;/.test(c))).toBe(true);
      ticket = ticketOf(failed.headers['set-cookie']);
      expect(set.find((c) => c.startsWith('dialin_signout='))).toMatch(
        /Path=\/api\/auth; HttpOnly; SameSite=Strict/,
      );
    } finally {
      await mendRevoking();
    }
    // The ticket is not a session: it signs nobody in, and it is not the cookie's value.
    expect(ticket.split('=')[1]).not.toBe(cookie.split('=')[1]);
    expect((await me(`dialin_session=${ticket.split('=')[1]}`)).statusCode).toBe(401);
    expect((await me(cookie)).statusCode).toBe(200);

    // The retry carries only the ticket (the browser has forgotten the session) and ends it.
    const retried = await logout(ticket);
    expect(retried.statusCode).toBe(200);
    expect(cookiesOf(retried.headers['set-cookie']).some((c) => /^dialin_signout=;/.test(c))).toBe(
      true,
    );
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('a successful log-out leaves no ticket', async () => {
    const { cookie } = await signUp(t.app);
    const done = await logout(cookie);
    expect(done.statusCode).toBe(200);
    expect(cookiesOf(done.headers['set-cookie']).some((c) => /^dialin_signout=[^;]/.test(c))).toBe(
      false,
    );
  });

  it('signing in again on the device finishes the pending sign-out too', async () => {
    const { cookie, email } = await signUp(t.app);
    await breakRevoking();
    let ticket: string;
    try {
      ticket = ticketOf((await logout(cookie)).headers['set-cookie']);
    } finally {
      await mendRevoking();
    }
    const before = (await authRowCounts(t.db)).liveSessions;
    const login = await t.app.inject({
      method: 'POST',
      url: ROUTES.auth.login.path,
      headers: { cookie: ticket },
      payload: { email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    // One session ended (the old one), one began.
    expect((await authRowCounts(t.db)).liveSessions).toBe(before);
    await logIn(t.app, email);
  });
});
