import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { PASSWORD, uniqueEmail } from '../../test-support/device.js';
import {
  emptyRows,
  goOffline,
  goOnline,
  localRows,
  serverRows,
  syncAll,
} from '../../test-support/rows.js';
import { useTestServer } from '../../test-support/test-server.js';
import { createBag, createBrew, updateBrew } from '../data/actions.js';
import { outboxCounts } from '../data/queries.js';
import { anonymousDataAtStake, login, logout, logoutPreview, signup } from './account.js';

const setup = useTestServer();

describe('accounts', () => {
  it('sign-up claims the anonymous outbox and rows, and pushes them', async () => {
    const phone = setup.device('phone');
    const bagId = await createBag(phone.db, { name: 'Anonymous bag' });
    await createBrew(phone.db, { bagId, method: 'espresso', doseG: 18 });
    // Anonymous: everything works locally and nothing is sent.
    expect((await phone.engine.syncNow()).ok).toBe(true);
    expect(phone.requests).toEqual([]);
    expect(await outboxCounts(phone.db)).toEqual({ pending: 2, rejected: 0 });

    const result = await signup(phone.engine, { email: uniqueEmail(), password: PASSWORD });
    expect(result.ok).toBe(true);
    expect(await outboxCounts(phone.db)).toEqual({ pending: 0, rejected: 0 });
    const rows = await serverRows(phone);
    expect(rows.bags.map((bag) => bag.name)).toEqual(['Anonymous bag']);
    expect(rows.brews).toHaveLength(1);
    expect(await localRows(phone.db)).toEqual(rows);
  });

  it('log-in on a device with anonymous data reports it, then merges without duplicating bags', async () => {
    const email = uniqueEmail();
    const laptop = setup.device('laptop');
    await signup(laptop.engine, { email, password: PASSWORD });
    const shared = { name: 'Gesha Village', roaster: 'Onyx', roastDate: '2026-11-01' } as const;
    const accountBag = await createBag(laptop.db, shared);
    await createBrew(laptop.db, { bagId: accountBag, method: 'espresso', doseG: 18 });
    await laptop.engine.syncNow();

    const phone = setup.device('phone');
    const dupBag = await createBag(phone.db, { ...shared, name: 'gesha village ' });
    const ownBag = await createBag(phone.db, { name: 'Only on the phone' });
    const dupBrew = await createBrew(phone.db, { bagId: dupBag, method: 'espresso', doseG: 17 });
    await updateBrew(phone.db, dupBrew, { taste: 'sour' });
    await createBrew(phone.db, { bagId: ownBag, method: 'pour_over', doseG: 15 });

    expect(await anonymousDataAtStake(phone.engine)).toEqual({ bags: 2, brews: 2 });
    // The password is checked before the question, and a wrong one is the only answer.
    const wrong = await login(phone.engine, { email, password: `${PASSWORD}-not` });
    expect(wrong).toMatchObject({ kind: 'refused', error: { code: 'invalid_credentials' } });
    const refused = await login(phone.engine, { email, password: PASSWORD });
    expect(refused).toMatchObject({ ok: false, atStake: { bags: 2, brews: 2 } });
    // Only the two log-ins: nothing of the device is pushed before the choice.
    expect(phone.requests).toEqual([
      `POST ${ROUTES.auth.login.path}`,
      `POST ${ROUTES.auth.login.path}`,
    ]);

    const merged = await login(
      phone.engine,
      { email, password: PASSWORD },
      { anonymousData: 'merge' },
    );
    expect(merged.ok).toBe(true);
    await syncAll([phone, laptop]);
    const rows = await serverRows(laptop);
    expect(rows.bags.map((bag) => bag.name).sort()).toEqual(['Gesha Village', 'Only on the phone']);
    expect(rows.bags.some((bag) => bag.id === dupBag)).toBe(false);
    const moved = rows.brews.find((brew) => brew.id === dupBrew);
    expect(moved).toMatchObject({ bagId: accountBag, taste: 'sour' });
    expect(rows.brews).toHaveLength(3);
    expect(await localRows(phone.db)).toEqual(rows);
    expect(await localRows(laptop.db)).toEqual(rows);
  });

  it('log-in can discard the anonymous data instead', async () => {
    const email = uniqueEmail();
    const laptop = setup.device('laptop');
    await signup(laptop.engine, { email, password: PASSWORD });
    await createBag(laptop.db, { name: 'Account bag' });
    await laptop.engine.syncNow();

    const phone = setup.device('phone');
    await createBag(phone.db, { name: 'Scratch bag' });
    const result = await login(
      phone.engine,
      { email, password: PASSWORD },
      { anonymousData: 'discard' },
    );
    expect(result.ok).toBe(true);
    const rows = await serverRows(phone);
    expect(rows.bags.map((bag) => bag.name)).toEqual(['Account bag']);
    expect(await localRows(phone.db)).toEqual(rows);
    expect(await outboxCounts(phone.db)).toEqual({ pending: 0, rejected: 0 });
  });

  it('log-in shows full-pull progress, page by page', async () => {
    const email = uniqueEmail();
    const laptop = setup.device('laptop');
    await signup(laptop.engine, { email, password: PASSWORD });
    const bagId = await createBag(laptop.db, { name: 'Bag' });
    for (let i = 0; i < 24; i += 1) await createBrew(laptop.db, { bagId, doseG: 18 });
    await laptop.engine.syncNow();

    const phone = setup.device('phone');
    const { SyncEngine } = await import('../sync/engine.js');
    phone.engine = new SyncEngine({ db: phone.db, transport: phone.transport, pullPageSize: 10 });
    const seen: string[] = [];
    phone.engine.status.subscribe((status) => {
      if (status.progress !== null) seen.push(`${status.progress.done}/${status.progress.total}`);
    });
    expect((await login(phone.engine, { email, password: PASSWORD })).ok).toBe(true);
    expect(seen).toEqual(['0/25', '10/25', '20/25', '25/25']);
    expect(phone.engine.status.get().progress).toBeNull();
  });

  it('log-out with unsynced changes is refused with their count, then clears with discard', async () => {
    const phone = setup.device('phone');
    const email = uniqueEmail();
    await signup(phone.engine, { email, password: PASSWORD });
    const bagId = await createBag(phone.db, { name: 'Synced' });
    await phone.engine.syncNow();
    goOffline(phone);
    await createBrew(phone.db, { bagId, doseG: 18 });
    await createBrew(phone.db, { bagId, doseG: 19 });
    const deviceId = (await phone.db.meta.get('device'))?.deviceId;

    // Asked before: what would be lost, and nothing is written or cleared by asking.
    expect(await logoutPreview(phone.engine)).toEqual({ unsynced: 2, unsyncedPhotos: 0, brews: 2 });
    const refused = await logout(phone.engine);
    expect(refused).toMatchObject({ ok: false, unsynced: 2 });
    expect(await phone.db.brews.count()).toBe(2);

    const done = await logout(phone.engine, { discard: true });
    expect(done).toEqual({ ok: true, serverSession: 'retrying' });
    expect(await localRows(phone.db)).toEqual(emptyRows());
    expect(await phone.db.outbox.count()).toBe(0);
    const meta = await phone.db.meta.get('device');
    expect(meta).toMatchObject({ accountId: null, email: null, cursor: null });
    expect(meta?.deviceId).not.toBe(deviceId);
    expect(phone.engine.status.get()).toMatchObject({ accountId: null, pending: 0 });

    // Online again: a clean log-out ends the server session.
    goOnline(phone);
    await login(phone.engine, { email, password: PASSWORD });
    expect(await phone.db.bags.count()).toBe(1);
    expect(await logoutPreview(phone.engine)).toEqual({ unsynced: 0, unsyncedPhotos: 0, brews: 0 });
    expect(await logout(phone.engine)).toEqual({ ok: true, serverSession: 'ended' });
    expect(phone.cookies.size).toBe(0);
  });

  it('an expired session keeps local changes, reports it, and resumes after the same log-in', async () => {
    const email = uniqueEmail();
    const phone = setup.device('phone');
    await signup(phone.engine, { email, password: PASSWORD });
    const bagId = await createBag(phone.db, { name: 'Before' });
    await phone.engine.syncNow();

    await setup.server.hook(ROUTES.test.revokeSessions.path, { email });
    await createBrew(phone.db, { bagId, doseG: 18, notes: 'written while signed out' });
    const outcome = await phone.engine.syncNow();
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'signed out on the server', statusCode: 401 },
    });
    expect(phone.engine.status.get()).toMatchObject({ state: 'error', signedOutOnServer: true });
    expect(await outboxCounts(phone.db)).toEqual({ pending: 1, rejected: 0 });
    // Sync stays stopped: no request until the user signs in again.
    const before = phone.requests.length;
    await phone.engine.syncNow();
    expect(phone.requests.length).toBe(before);

    // Another account on this device never receives the previous account's outbox.
    const other = uniqueEmail('other');
    const otherDevice = setup.device('other');
    await signup(otherDevice.engine, { email: other, password: PASSWORD });
    expect(await login(phone.engine, { email: other, password: PASSWORD })).toMatchObject({
      ok: false,
      unsynced: 1,
    });

    expect((await login(phone.engine, { email, password: PASSWORD })).ok).toBe(true);
    expect(await outboxCounts(phone.db)).toEqual({ pending: 0, rejected: 0 });
    const rows = await serverRows(phone);
    expect(rows.brews.map((brew) => brew.notes)).toEqual(['written while signed out']);
    expect(await localRows(phone.db)).toEqual(rows);
    expect(await serverRows(otherDevice)).toEqual(emptyRows());
  });

  it('a different account signing in after a 401 starts from a cleared device', async () => {
    const email = uniqueEmail();
    const phone = setup.device('phone');
    await signup(phone.engine, { email, password: PASSWORD });
    const bagId = await createBag(phone.db, { name: 'First account' });
    await phone.engine.syncNow();
    await setup.server.hook(ROUTES.test.revokeSessions.path, { email });
    await createBrew(phone.db, { bagId, notes: 'unsynced, first account' });
    await phone.engine.syncNow();

    const other = uniqueEmail('other');
    await signup(setup.device('other').engine, { email: other, password: PASSWORD });
    const switched = await login(
      phone.engine,
      { email: other, password: PASSWORD },
      { discardUnsynced: true },
    );
    expect(switched.ok).toBe(true);
    await phone.engine.syncNow();
    expect(await localRows(phone.db)).toEqual(emptyRows());
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await serverRows(phone)).toEqual(emptyRows());
    expect(phone.engine.status.get()).toMatchObject({ email: other, signedOutOnServer: false });
  });
});
