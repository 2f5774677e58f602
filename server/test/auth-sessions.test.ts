import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../../shared/protocol/routes.js';
import type { SessionInfo } from '../../shared/protocol/session.js';
import { deviceNameOf } from '../src/auth/device-name.js';
import { createTestApp, logIn, signUp, TEST_PASSWORD, type TestApp } from './support/test-app.js';

const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const CHROME_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const EDGE_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86';
const CHROME_ANDROID =
  'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const get = (url: string, cookie: string) =>
  t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function sessionsOf(cookie: string): Promise<SessionInfo[]> {
  const response = await get(ROUTES.auth.sessions.path, cookie);
  expect(response.statusCode).toBe(200);
  return (response.json() as { sessions: SessionInfo[] }).sessions;
}

describe('device names', () => {
  it('name the browser and the system people know', () => {
    expect(deviceNameOf(FIREFOX_ANDROID)).toBe('Firefox on Android');
    expect(deviceNameOf(SAFARI_IPHONE)).toBe('Safari on iPhone');
    expect(deviceNameOf(CHROME_WINDOWS)).toBe('Chrome on Windows');
    expect(deviceNameOf(EDGE_MAC)).toBe('Edge on Mac');
    expect(deviceNameOf(CHROME_ANDROID)).toBe('Chrome on Android');
    expect(
      deviceNameOf(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome on Linux');
    expect(deviceNameOf(undefined)).toBe('Unknown device');
    expect(deviceNameOf('curl/8.5.0')).toBe('Unknown device');
  });
});

describe('the session list', () => {
  it('lists the live sessions with device, times and which is this one; never a token', async () => {
    const { email, cookie: first } = await signUp(t.app);
    const phone = await logIn(t.app, email, FIREFOX_ANDROID);
    const iphone = await logIn(t.app, email, SAFARI_IPHONE);
    const other = await signUp(t.app);

    const sessions = await sessionsOf(phone);
    expect(sessions.map((s) => [s.device, s.current])).toEqual([
      ['Firefox on Android', true],
      ...sessions.slice(1).map((s) => [s.device, false]),
    ]);
    expect(sessions.map((s) => s.device).sort()).toEqual(
      ['Firefox on Android', 'Safari on iPhone', 'Unknown device'].sort(),
    );
    for (const session of sessions) {
      expect(Object.keys(session).sort()).toEqual(
        ['createdAt', 'current', 'device', 'id', 'lastSeenAt'].sort(),
      );
      expect(Date.parse(session.createdAt)).toBeLessThanOrEqual(Date.now());
      expect(Date.parse(session.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(session.createdAt));
    }
    const body = (await get(ROUTES.auth.sessions.path, phone)).body;
    for (const cookie of [first, phone, iphone]) expect(body).not.toContain(cookie.split('=')[1]);
    // The other account's session is not among them, and it sees only its own.
    expect(await sessionsOf(other.cookie)).toHaveLength(1);
  });

  it('answers 401 without a live session', async () => {
    expect((await get(ROUTES.auth.sessions.path, 'dialin_session=nope')).statusCode).toBe(401);
  });
});

describe('revoking sessions', () => {
  it('ends one session of the account; another account cannot end it', async () => {
    const { email, cookie: laptop } = await signUp(t.app);
    const phone = await logIn(t.app, email, FIREFOX_ANDROID);
    const stranger = await signUp(t.app);
    const phoneId = (await sessionsOf(phone)).find((s) => s.current)?.id ?? '';

    const foreign = await post(ROUTES.auth.revokeSession.path, stranger.cookie, { id: phoneId });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'not_found' });
    expect((await get(ROUTES.auth.me.path, phone)).statusCode).toBe(200);

    const revoked = await post(ROUTES.auth.revokeSession.path, laptop, { id: phoneId });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toEqual({ revoked: 1 });
    expect((await get(ROUTES.auth.me.path, phone)).statusCode).toBe(401);
    expect((await sessionsOf(laptop)).map((s) => s.current)).toEqual([true]);
    const again = await post(ROUTES.auth.revokeSession.path, laptop, { id: phoneId });
    expect(again.statusCode).toBe(404);
  });

  it('refuses an id that is not a plain UUID, naming the field', async () => {
    const { cookie } = await signUp(t.app);
    const response = await post(ROUTES.auth.revokeSession.path, cookie, { id: 'urn:uuid:x' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id');
  });

  it('"everywhere else" ends every other session and keeps this one', async () => {
    const { email, cookie: laptop } = await signUp(t.app);
    const phone = await logIn(t.app, email, FIREFOX_ANDROID);
    const iphone = await logIn(t.app, email, SAFARI_IPHONE);
    const stranger = await signUp(t.app);

    const response = await post(ROUTES.auth.revokeOtherSessions.path, laptop);
    expect(response.json()).toEqual({ revoked: 2 });
    expect((await get(ROUTES.auth.me.path, laptop)).statusCode).toBe(200);
    expect((await get(ROUTES.auth.me.path, phone)).statusCode).toBe(401);
    expect((await get(ROUTES.auth.me.path, iphone)).statusCode).toBe(401);
    expect((await get(ROUTES.auth.me.path, stranger.cookie)).statusCode).toBe(200);
  });
});

describe('changing the password', () => {
  const NEW_PASSWORD = 'a brand new espresso phrase';

  it('needs the current password, keeps this session and ends the others', async () => {
    const { email, cookie: laptop } = await signUp(t.app);
    const phone = await logIn(t.app, email, FIREFOX_ANDROID);

    const wrong = await post(ROUTES.auth.changePassword.path, laptop, {
      currentPassword: `${TEST_PASSWORD}!`,
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      code: 'invalid_credentials',
      details: { field: 'currentPassword' },
    });
    expect((await get(ROUTES.auth.me.path, phone)).statusCode).toBe(200);

    const changed = await post(ROUTES.auth.changePassword.path, laptop, {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toEqual({ revokedSessions: 1 });
    expect((await get(ROUTES.auth.me.path, laptop)).statusCode).toBe(200);
    expect((await get(ROUTES.auth.me.path, phone)).statusCode).toBe(401);

    const old = await t.app.inject({
      method: 'POST',
      url: ROUTES.auth.login.path,
      payload: { email, password: TEST_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
    await logIn(t.app, email, SAFARI_IPHONE, NEW_PASSWORD);
  });

  it('checks the new password by the sign-up rules, naming the field', async () => {
    const { cookie } = await signUp(t.app);
    for (const newPassword of ['short', 'password123', 'abc\ud800defgh']) {
      const response = await post(ROUTES.auth.changePassword.path, cookie, {
        currentPassword: TEST_PASSWORD,
        newPassword,
      });
      expect(response.statusCode, newPassword).toBe(400);
      expect(response.json(), newPassword).toMatchObject({ details: { field: 'newPassword' } });
    }
  });

  it('answers 401 without a session', async () => {
    const response = await post(ROUTES.auth.changePassword.path, 'dialin_session=nope', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(response.statusCode).toBe(401);
  });
});
