import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { PASSWORD, uniqueEmail } from '../../test-support/device.js';
import { emptyRows, localRows } from '../../test-support/rows.js';
import { useTestServer } from '../../test-support/test-server.js';
import { createBag } from '../data/actions.js';
import { login, logout, signup } from './account.js';
import { changePassword } from './change-password.js';
import { deleteAccount } from './delete-account.js';
import { listSessions, revokeOtherSessions, revokeSession } from './sessions.js';

const setup = useTestServer();

/** Whether the server still knows a session for these cookies. */
async function signedIn(cookies: Map<string, string>): Promise<boolean> {
  const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const response = await fetch(new URL(ROUTES.auth.me.path, setup.server.url), {
    headers: { cookie },
  });
  return response.status === 200;
}

describe('sessions from the device', () => {
  it('lists them, ends one, then all others; this device stays signed in', async () => {
    const email = uniqueEmail();
    const laptop = setup.device('laptop');
    const phone = setup.device('phone');
    const tablet = setup.device('tablet');
    await signup(laptop.engine, { email, password: PASSWORD });
    await login(phone.engine, { email, password: PASSWORD });
    await login(tablet.engine, { email, password: PASSWORD });

    const listed = await listSessions(laptop.engine);
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value).toHaveLength(3);
    expect(listed.value[0]?.current).toBe(true);

    const fromPhone = await listSessions(phone.engine);
    const phoneId = fromPhone.ok ? fromPhone.value.find((s) => s.current)?.id : undefined;
    expect(await revokeSession(laptop.engine, phoneId ?? '')).toEqual({
      ok: true,
      value: { revoked: 1 },
    });
    expect(await signedIn(phone.cookies)).toBe(false);
    expect(await revokeOtherSessions(laptop.engine)).toEqual({ ok: true, value: { revoked: 1 } });
    expect(await signedIn(tablet.cookies)).toBe(false);
    expect(await signedIn(laptop.cookies)).toBe(true);
  });
});

describe('changing the password', () => {
  it('says which password is wrong; a good change keeps this device and ends the others', async () => {
    const email = uniqueEmail();
    const laptop = setup.device('laptop');
    const phone = setup.device('phone');
    await signup(laptop.engine, { email, password: PASSWORD });
    await login(phone.engine, { email, password: PASSWORD });

    const tooShort = await changePassword(laptop.engine, {
      currentPassword: PASSWORD,
      newPassword: 'short',
    });
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const wrong = await changePassword(laptop.engine, {
      currentPassword: 'not the password',
      newPassword: 'a new long espresso phrase',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    const changed = await changePassword(laptop.engine, {
      currentPassword: PASSWORD,
      newPassword: 'a new long espresso phrase',
    });
    expect(changed).toEqual({ ok: true, value: { revokedSessions: 1 } });
    expect(await signedIn(laptop.cookies)).toBe(true);
    expect(await signedIn(phone.cookies)).toBe(false);
  });
});

describe('deleting the account', () => {
  it('a wrong password keeps everything; the right one deletes it and empties the device', async () => {
    const email = uniqueEmail();
    const phone = setup.device('phone');
    await signup(phone.engine, { email, password: PASSWORD });
    await createBag(phone.db, { name: 'Kept until deleted' });
    await phone.engine.syncNow();

    const wrong = await deleteAccount(phone.engine, 'not the password');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect((await localRows(phone.db)).bags).toHaveLength(1);

    expect(await deleteAccount(phone.engine, PASSWORD)).toEqual({
      ok: true,
      value: { deleted: true },
    });
    expect(await localRows(phone.db)).toEqual(emptyRows());
    expect(await phone.db.meta.get('device')).toMatchObject({ accountId: null, email: null });
    const again = setup.device('laptop');
    expect(await login(again.engine, { email, password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'invalid_credentials' },
    });
  });
});

describe('a log-out the server could not finish', () => {
  it('clears the device at once and keeps retrying the revocation until it answers', async () => {
    const phone = setup.device('phone');
    await signup(phone.engine, { email: uniqueEmail(), password: PASSWORD });
    const cookies = new Map(phone.cookies);
    let failures = 2;
    phone.intercept = async (url, init, next) => {
      if (url.endsWith(ROUTES.auth.logout.path) && failures > 0) {
        failures -= 1;
        return new Response('{}', { status: 503 });
      }
      return next(url, init);
    };

    expect(await logout(phone.engine)).toEqual({ ok: true, serverSession: 'retrying' });
    expect(await phone.db.meta.get('device')).toMatchObject({ accountId: null });
    expect(await signedIn(cookies)).toBe(true);
    await vi.waitFor(async () => expect(await signedIn(cookies)).toBe(false), {
      timeout: 15_000,
      interval: 250,
    });
    expect(failures).toBe(0);
  }, 20_000);
});
