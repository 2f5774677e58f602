import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../shared/protocol/routes.js';
import { type Device, PASSWORD, uniqueEmail } from '../../test-support/device.js';
import { emptyRows, localRows, serverRows } from '../../test-support/rows.js';
import { useTestServer } from '../../test-support/test-server.js';
import { login, signup } from '../account/account.js';
import { createBag, createBrew, updateBag } from '../data/actions.js';
import { outboxCounts, rejectedEntries } from '../data/queries.js';
import { SyncEngine } from './engine.js';
import { pullAll } from './pull.js';
import { pushOutbox } from './push.js';

const setup = useTestServer();

async function signedIn(name: string, email = uniqueEmail()): Promise<Device> {
  const device = setup.device(name);
  expect((await signup(device.engine, { email, password: PASSWORD })).ok).toBe(true);
  return device;
}

async function pushRequests(): Promise<number> {
  const response = await fetch(new URL(ROUTES.test.stats.path, setup.server.url));
  return ((await response.json()) as { pushRequests: number }).pushRequests;
}

const isPull = (url: string) => new URL(url).pathname === ROUTES.sync.pull.path;

describe('sync failures', () => {
  it('a push answered 500 keeps its entries, and the next push delivers them', async () => {
    const phone = await signedIn('phone');
    await createBag(phone.db, { name: 'Kept' });
    await setup.server.hook(ROUTES.test.failNextPush.path, { status: 500 });
    const outcome = await phone.engine.syncNow();
    expect(outcome).toMatchObject({ ok: false, error: { code: 'internal', statusCode: 500 } });
    expect(phone.engine.status.get()).toMatchObject({ state: 'error', pending: 1 });
    expect(await outboxCounts(phone.db)).toEqual({ pending: 1, rejected: 0 });
    expect(await serverRows(phone)).toEqual(emptyRows());

    expect((await phone.engine.syncNow()).ok).toBe(true);
    expect((await serverRows(phone)).bags.map((bag) => bag.name)).toEqual(['Kept']);
    expect(phone.engine.status.get()).toMatchObject({ state: 'idle', pending: 0 });
  });

  it('a push answered 400 marks its entries rejected and does not block later ones', async () => {
    const phone = await signedIn('phone');
    const bagId = await createBag(phone.db, { name: 'First' });
    await setup.server.hook(ROUTES.test.failNextPush.path, { status: 400 });
    await phone.engine.syncNow();
    expect(await outboxCounts(phone.db)).toEqual({ pending: 0, rejected: 1 });
    const [rejected] = await rejectedEntries(phone.db);
    expect(rejected?.error).toMatchObject({ statusCode: 400 });

    // A later write goes through (it is a new row; the rejected one stays visible).
    const other = await createBag(phone.db, { name: 'Second' });
    expect((await phone.engine.syncNow()).ok).toBe(true);
    expect((await serverRows(phone)).bags.map((bag) => bag.id)).toEqual([other]);
    expect(await outboxCounts(phone.db)).toEqual({ pending: 0, rejected: 1 });
    expect(phone.engine.status.get()).toMatchObject({ pending: 0, rejected: 1 });
    expect((await phone.db.bags.get(bagId))?.name).toBe('First');
  });

  it('a 400 naming one mutation rejects only it; the rest of its batch is applied', async () => {
    const phone = await signedIn('phone');
    const bagId = await createBag(phone.db, { name: 'Good' });
    // A mutation the server refuses, written past the client's own validation.
    const bad = crypto.randomUUID();
    const meta = await phone.db.meta.get('device');
    await phone.db.outbox.add({
      mutationId: bad,
      accountId: meta?.accountId ?? null,
      entity: 'bag',
      rowId: bagId,
      hlc: `${String(Date.now()).padStart(15, '0')}-00000-${meta?.deviceId}`,
      patch: { weightG: 99_999 },
      previous: {},
      state: 'pending',
      createdAt: Date.now(),
    });
    await updateBag(phone.db, bagId, { roaster: 'After the bad one' });
    const requestsBefore = await pushRequests();
    await phone.engine.syncNow();
    expect(await pushRequests()).toBe(requestsBefore + 2);
    const [rejected] = await rejectedEntries(phone.db);
    expect(rejected?.mutationId).toBe(bad);
    expect(rejected?.error).toMatchObject({
      code: 'validation_failed',
      details: { field: 'weightG', mutationId: bad },
    });
    expect((await serverRows(phone)).bags[0]).toMatchObject({
      name: 'Good',
      roaster: 'After the bad one',
      weightG: null,
    });
  });

  it('a push whose account is not the session’s is rejected, kept visible, and not retried into that account', async () => {
    const phone = await signedIn('phone');
    await createBag(phone.db, { name: 'Written under the first account' });
    // Another account's session on this browser, behind the engine's back (another tab).
    const other = await phone.transport.fetch(
      new URL(ROUTES.auth.signup.path, setup.server.url).href,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: setup.server.url },
        body: JSON.stringify({ email: uniqueEmail(), password: PASSWORD }),
      },
    );
    expect(other.status).toBe(201);

    const requestsBefore = await pushRequests();
    expect(await pushOutbox(phone.db, phone.transport)).toMatchObject({ ok: true, rejected: 1 });
    expect(await pushRequests()).toBe(requestsBefore + 1);
    const [rejected] = await rejectedEntries(phone.db);
    expect(rejected?.error).toMatchObject({ statusCode: 403, code: 'account_mismatch' });
    expect(await outboxCounts(phone.db)).toEqual({ pending: 0, rejected: 1 });
    // Nothing is sent again on its own.
    await pushOutbox(phone.db, phone.transport);
    expect(await pushRequests()).toBe(requestsBefore + 1);
  });

  it('an interrupted pull resumes from the last stored page without losing or duplicating rows', async () => {
    const email = uniqueEmail();
    const laptop = await signedIn('laptop', email);
    const bagId = await createBag(laptop.db, { name: 'Bag' });
    for (let i = 0; i < 29; i += 1) await createBrew(laptop.db, { bagId, doseG: 10 + i });
    await laptop.engine.syncNow();

    const phone = setup.device('phone');
    phone.engine = new SyncEngine({ db: phone.db, transport: phone.transport, pullPageSize: 10 });

    // The second page's connection dies half-way through its body.
    let pulls = 0;
    phone.intercept = async (url, init, next) => {
      if (!isPull(url) || ++pulls !== 2) return next(url, init);
      const text = await (await next(url, init)).text();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(text.slice(0, text.length / 2)));
          controller.error(new Error('connection reset'));
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
    };
    // The log-in's full pull is cut off: the log-in holds, the pull reports the failure.
    const loggedIn = await login(phone.engine, { email, password: PASSWORD });
    expect(loggedIn).toMatchObject({ ok: true, sync: { ok: false, error: { code: 'network' } } });
    expect(phone.engine.status.get().state).toBe('offline');
    // Page 1 (10 rows) and its cursor were stored; nothing of the cut page was.
    expect((await phone.db.bags.count()) + (await phone.db.brews.count())).toBe(10);

    const resumedFrom = pulls;
    expect((await phone.engine.syncNow()).ok).toBe(true);
    // 30 rows in pages of 10: pages 2 and 3 were fetched again; page 1 was not.
    expect(pulls - resumedFrom).toBe(2);
    const rows = await serverRows(laptop);
    expect(rows.brews).toHaveLength(29);
    expect(await localRows(phone.db)).toEqual(rows);
    expect(await phone.db.historyPages.count()).toBe(0);
  });

  it('mutations stamped 24 h ahead are refused, re-stamped from the corrected clock, and land', async () => {
    const day = 24 * 3_600_000;
    // Written anonymously, before this device ever heard the server's time.
    const phone = setup.device('phone', day);
    const bagId = await createBag(phone.db, { name: 'From the future' });
    await createBrew(phone.db, { bagId, doseG: 18 });
    const stampedAhead = (await phone.db.outbox.toArray()).map((entry) => entry.hlc);
    expect(Number(stampedAhead[0]?.slice(0, 15))).toBeGreaterThan(Date.now() + day / 2);

    expect((await signup(phone.engine, { email: uniqueEmail(), password: PASSWORD })).ok).toBe(
      true,
    );
    expect(await outboxCounts(phone.db)).toEqual({ pending: 0, rejected: 0 });
    const rows = await serverRows(phone);
    expect(rows.brews).toHaveLength(1);
    for (const row of [...rows.bags, ...rows.brews]) {
      for (const clock of Object.values(row.clocks as Record<string, string>)) {
        expect(Math.abs(Number(clock.slice(0, 15)) - Date.now())).toBeLessThan(60_000);
      }
    }
    expect(await localRows(phone.db)).toEqual(rows);
  });

  it('a 202 from the service worker marks entries queued and holds them back for a while', async () => {
    const phone = await signedIn('phone');
    await createBag(phone.db, { name: 'Queued' });
    phone.intercept = async (url, init, next) =>
      new URL(url).pathname === ROUTES.sync.push.path
        ? new Response(JSON.stringify({ queued: true }), { status: 202 })
        : next(url, init);
    await phone.engine.syncNow();
    const [entry] = await phone.db.outbox.toArray();
    expect(entry?.state).toBe('queued');
    expect(phone.engine.status.get().pending).toBe(1);

    phone.intercept = null;
    await phone.engine.syncNow();
    expect((await phone.db.outbox.toArray())[0]?.state).toBe('queued');
    // After the hold (the worker's queue may have lost it), the page sends it again.
    phone.skewMs = 3 * 60_000;
    await phone.engine.syncNow();
    expect(await phone.db.outbox.count()).toBe(0);
    expect((await serverRows(phone)).bags.map((bag) => bag.name)).toEqual(['Queued']);
  });

  it("a captive portal's 200 page acknowledges no push and stores no pull page", async () => {
    const phone = await signedIn('phone');
    await createBag(phone.db, { name: 'A' });
    await phone.engine.syncNow();
    const cursor = (await phone.db.meta.get('device'))?.cursor;
    phone.intercept = async () =>
      new Response('<html>Sign in to the café Wi-Fi</html>', { status: 200 });
    const portal = { ok: false, error: { code: 'bad_response' } };
    // The push is not acknowledged by the portal's page…
    await updateBag(phone.db, (await phone.db.bags.toCollection().first())?.id ?? '', {
      roaster: 'R',
    });
    expect(await phone.engine.syncNow()).toMatchObject(portal);
    expect(await outboxCounts(phone.db)).toEqual({ pending: 1, rejected: 0 });
    // …and a pull reply that is not a page stores nothing.
    expect(await pullAll(phone.db, phone.transport)).toMatchObject(portal);
    expect((await phone.db.meta.get('device'))?.cursor).toBe(cursor);
    phone.intercept = null;
    expect((await phone.engine.syncNow()).ok).toBe(true);
    expect(await outboxCounts(phone.db)).toEqual({ pending: 0, rejected: 0 });
  });
});
