import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { type ApiRoute, ROUTES } from '../../../shared/protocol/routes.js';
import { type Device, PASSWORD, uniqueEmail } from '../../test-support/device.js';
import { useTestServer } from '../../test-support/test-server.js';
import { signup } from '../account/account.js';
import { createBag, updateBag } from '../data/actions.js';
import { SyncEngine } from './engine.js';
import type { SyncEnvironment } from './environment.js';

const setup = useTestServer();

/** A host whose `online` and visibility events the test fires. */
function controllableHost() {
  const online = new Set<() => void>();
  const visibility = new Set<(visible: boolean) => void>();
  let visible = true;
  const env: SyncEnvironment = {
    isOnline: () => true,
    isVisible: () => visible,
    onOnline(listener) {
      online.add(listener);
      return () => online.delete(listener);
    },
    onVisibilityChange(listener) {
      visibility.add(listener);
      return () => visibility.delete(listener);
    },
  };
  return {
    env,
    fireOnline: () => {
      for (const listener of online) listener();
    },
    setVisible: (value: boolean) => {
      visible = value;
      for (const listener of visibility) listener(value);
    },
  };
}

async function signedIn(host: ReturnType<typeof controllableHost>, intervalMs: number) {
  const device = setup.device('phone');
  await signup(device.engine, { email: uniqueEmail(), password: PASSWORD });
  device.engine = new SyncEngine({
    db: device.db,
    transport: device.transport,
    env: host.env,
    pushDelayMs: 200,
    intervalMs,
  });
  device.requests.length = 0;
  return device;
}

/** Waits for conditions generously: the machine is shared; nothing here asserts timing. */
const WAIT = { timeout: 15_000, interval: 20 };
const requestsTo = (device: Device, route: ApiRoute) =>
  device.requests.filter((r) => r === `${route.method} ${route.path}`);
const pushes = (device: Device) => requestsTo(device, ROUTES.sync.push);
const pulls = (device: Device) => requestsTo(device, ROUTES.sync.pull);

describe('sync engine triggers', () => {
  it('syncs at start, shortly after local writes (debounced), and on `online`', async () => {
    const host = controllableHost();
    const phone = await signedIn(host, 60_000);
    phone.engine.start();
    await vi.waitFor(() => expect(pulls(phone)).toHaveLength(1), WAIT);

    const bagId = await createBag(phone.db, { name: 'A' });
    await updateBag(phone.db, bagId, { roaster: 'B' });
    await updateBag(phone.db, bagId, { origin: 'C' });
    await vi.waitFor(async () => {
      expect(await phone.db.outbox.count()).toBe(0);
      expect(phone.engine.status.get()).toMatchObject({ state: 'idle', pending: 0 });
    }, WAIT);
    // Three writes in quick succession: one push carried them all.
    expect(pushes(phone)).toHaveLength(1);
    expect(phone.engine.status.get()).toMatchObject({ state: 'idle', lastError: null });
    expect(phone.engine.status.get().lastSyncedAt).not.toBeNull();

    const before = pulls(phone).length;
    host.fireOnline();
    await vi.waitFor(() => expect(pulls(phone).length).toBe(before + 1), WAIT);
  });

  it('syncs periodically only while visible, and when becoming visible', async () => {
    const host = controllableHost();
    const phone = await signedIn(host, 100);
    phone.engine.start();
    await vi.waitFor(() => expect(pulls(phone).length).toBeGreaterThanOrEqual(3), WAIT);

    host.setVisible(false);
    await phone.engine.syncNow();
    const hidden = pulls(phone).length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(pulls(phone).length).toBe(hidden);

    host.setVisible(true);
    await vi.waitFor(() => expect(pulls(phone).length).toBeGreaterThan(hidden + 1), WAIT);
  });

  it('after a failed sync says when it tries again, and tries then', async () => {
    const host = controllableHost();
    const phone = await signedIn(host, 60_000);
    phone.engine.start();
    await vi.waitFor(() => expect(pulls(phone)).toHaveLength(1), WAIT);
    await setup.server.hook(ROUTES.test.failNextPush.path, { status: 500 });
    await createBag(phone.db, { name: 'A' });
    const before = Date.now();
    await vi.waitFor(() => expect(phone.engine.status.get().state).toBe('error'), WAIT);
    const { retryAt, lastError } = phone.engine.status.get();
    expect(lastError?.code).toBe('internal');
    expect(retryAt).toBeGreaterThanOrEqual(before + 60_000);
    expect(retryAt).toBeLessThanOrEqual(Date.now() + 60_000);

    await phone.engine.syncNow();
    expect(phone.engine.status.get()).toMatchObject({ state: 'idle', retryAt: null });
    await phone.engine.stop();
  });

  it('lets only one context sync at a time (lease fallback without Web Locks)', async () => {
    const host = controllableHost();
    const phone = await signedIn(host, 60_000);
    await createBag(phone.db, { name: 'A' });
    // A second tab: same database, its own engine.
    const tab = new SyncEngine({ db: phone.db, transport: phone.transport, env: host.env });
    setup.closeAfterTest({ ...phone, close: () => tab.stop() });
    const [first, second] = await Promise.all([phone.engine.syncNow(), tab.syncNow()]);
    expect([first, second]).toContainEqual({ ok: true, skipped: 'locked' });
    expect([first, second]).toContainEqual({ ok: true });
    expect(pushes(phone)).toHaveLength(1);
    // The lease is released: the next sync runs.
    expect(await tab.syncNow()).toEqual({ ok: true });
  });
});
