import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROUTES } from '../../../../shared/protocol/routes.js';
import { PROTOCOL_VERSION } from '../../../../shared/protocol/version.js';
import { cookieJarFetch, PASSWORD, uniqueEmail } from '../../../test-support/device.js';
import { memoryQueue } from '../../../test-support/memory-queue.js';
import { startServer, type TestServer } from '../../../test-support/server-process.js';
import { createBag, createBrew } from '../../data/actions.js';
import { createDb, type DialInDb } from '../../data/db.js';
import { ackOutbox, markQueued, rejectOutbox, toMutation } from '../../data/outbox.js';
import type { OutboxEntry } from '../../data/schema.js';
import type { WorkerBroadcast } from '../messages.js';
import { createPushQueue, type PushQueue } from './push-queue.js';
import { readMeta } from './queue-entry.js';

/**
 * The worker's push queue against the real server and a real (fake-indexeddb) outbox, with the
 * Workbox queue's contract in memory.
 */

interface Phone {
  db: DialInDb;
  queue: ReturnType<typeof memoryQueue>;
  pushQueue: PushQueue;
  reports: WorkerBroadcast[];
  accountId: string;
  email: string;
  /** The network, as the worker's `fetch` sees it: off = every request rejects. */
  online: boolean;
  /** The session cookie's value at sign-up. */
  sessionToken: string;
  /** On = every request is answered 503, as by a server that cannot reach its database. */
  failing: boolean;
  /** When set, every request waits for it first (a slow network). */
  gate: Promise<void> | null;
  /** A push of the outbox entries not yet sent, as the sync engine makes it. */
  pushRequest(entries: OutboxEntry[]): Request;
  logBrew(): Promise<OutboxEntry[]>;
  /** Logs in again on this phone's cookie jar (a new session). */
  signIn(): Promise<void>;
  /** Signs up another account on this phone's cookie jar (an account switch); its id. */
  signUpAnother(): Promise<string>;
  close(): Promise<void>;
}

let server: TestServer;
const phones: Phone[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});
afterEach(async () => {
  for (const phone of phones.splice(0)) await phone.close();
});

async function pushRequests(): Promise<number> {
  const response = await fetch(new URL(ROUTES.test.stats.path, server.url));
  return ((await response.json()) as { pushRequests: number }).pushRequests;
}

async function signedInPhone(): Promise<Phone> {
  const jar = cookieJarFetch();
  const email = uniqueEmail('sw');
  const signup = await jar.fetch(new URL(ROUTES.auth.signup.path, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const { account } = (await signup.json()) as { account: { id: string } };
  const db = createDb(`sw-${crypto.randomUUID()}`);
  const queue = memoryQueue();
  const reports: WorkerBroadcast[] = [];
  const phone: Phone = {
    db,
    queue,
    reports,
    accountId: account.id,
    email,
    online: true,
    sessionToken: jar.cookies.get('dialin_session') ?? '',
    failing: false,
    gate: null,
    pushQueue: createPushQueue({
      queue,
      openOutbox: () => ({
        ack: (ids) => ackOutbox(db, ids),
        reject: (ids, error) => rejectOutbox(db, ids, error),
        close: () => undefined,
      }),
      broadcast: (message) => reports.push(message),
      // The worker's fetch: rejects offline (as Chromium's does), else the device's cookies.
      fetchImpl: async (input, init) => {
        await phone.gate;
        if (!phone.online) throw new TypeError('Failed to fetch');
        if (phone.failing) return new Response('{}', { status: 503 });
        const request = new Request(input, init);
        const body = request.method === 'GET' ? null : await request.text();
        return jar.fetch(request.url, {
          method: request.method,
          headers: Object.fromEntries(request.headers),
          ...(body === null ? {} : { body }),
        });
      },
    }),
    pushRequest: (entries) =>
      new Request(new URL(ROUTES.sync.push.path, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({
          accountId: account.id,
          deviceId: 'sw-test',
          schemaVersion: PROTOCOL_VERSION,
          mutations: entries.map(toMutation),
        }),
      }),
    async logBrew() {
      const before = new Set((await db.outbox.toArray()).map((e) => e.mutationId));
      const bagId = await createBag(db, { name: 'Queue test' });
      await createBrew(db, { bagId, method: 'espresso', doseG: 18 });
      return (await db.outbox.orderBy('seq').toArray()).filter((e) => !before.has(e.mutationId));
    },
    async signIn() {
      const login = await jar.fetch(new URL(ROUTES.auth.login.path, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      expect(login.status).toBe(200);
    },
    async signUpAnother() {
      const other = await jar.fetch(new URL(ROUTES.auth.signup.path, server.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: uniqueEmail('sw-other'), password: PASSWORD }),
      });
      expect(other.status).toBe(201);
      return ((await other.json()) as { account: { id: string } }).account.id;
    },
    async close() {
      await db.delete();
    },
  };
  phones.push(phone);
  return phone;
}

/** Sends a push through the worker while offline; it must be queued and answered 202. */
async function queueOffline(phone: Phone, entries: OutboxEntry[]): Promise<void> {
  phone.online = false;
  const response = await phone.pushQueue.handlePush(phone.pushRequest(entries));
  expect(response.status).toBe(202);
  expect(await response.json()).toEqual({ queued: true });
  await markQueued(
    phone.db,
    entries.map((e) => e.mutationId),
  );
}

async function serverBrews(phone: Phone): Promise<string[]> {
  const jar = cookieJarFetch();
  await jar.fetch(new URL(ROUTES.auth.login.path, server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: phone.email, password: PASSWORD }),
  });
  const pull = await jar.fetch(new URL(`${ROUTES.sync.pull.path}?limit=1000`, server.url));
  const { brews } = (await pull.json()) as { brews: { id: string }[] };
  return brews.map((b) => b.id);
}

describe('the worker’s push queue', () => {
  it('queues offline at once, does not queue a resend twice, and a replay acknowledges', async () => {
    const phone = await signedInPhone();
    const entries = await phone.logBrew();
    await queueOffline(phone, entries);
    // The page resends entries the queue still holds: nothing new is queued.
    await queueOffline(phone, entries);
    expect(phone.queue.entries.map((e) => readMeta(e.metadata))).toEqual([
      { kind: 'push', accountId: phone.accountId, mutationIds: entries.map((e) => e.mutationId) },
    ]);

    phone.online = true;
    const result = await phone.pushQueue.replay();
    expect(result).toEqual({
      acked: entries.map((e) => e.mutationId),
      rejected: [],
      stalled: false,
    });
    expect(await phone.db.outbox.count()).toBe(0);
    expect(phone.queue.entries).toEqual([]);
    expect(await serverBrews(phone)).toHaveLength(1);
    expect(phone.reports.at(-1)).toMatchObject({ type: 'replayed', pending: 0 });
  });

  it('a 500 or a network error keeps the request; the next replay delivers it once', async () => {
    const phone = await signedInPhone();
    const entries = await phone.logBrew();
    await queueOffline(phone, entries);

    expect(await phone.pushQueue.replay()).toMatchObject({ acked: [], stalled: true });
    expect(phone.queue.entries).toHaveLength(1);

    phone.online = true;
    const before = await pushRequests();
    await server.hook(ROUTES.test.failNextPush.path, { status: 500 });
    expect(await phone.pushQueue.replay()).toMatchObject({ acked: [], stalled: true });
    expect(phone.queue.entries).toHaveLength(1);
    expect((await phone.db.outbox.toArray()).map((e) => e.state)).toEqual(['queued', 'queued']);

    expect((await phone.pushQueue.replay()).stalled).toBe(false);
    expect(await pushRequests()).toBe(before + 2);
    expect(await phone.db.outbox.count()).toBe(0);
  });

  it('a 4xx rejects that request’s entries with the server’s error and carries on', async () => {
    const phone = await signedInPhone();
    const refused = await phone.logBrew();
    await queueOffline(phone, refused);
    const behind = await phone.logBrew();
    await queueOffline(phone, behind);

    phone.online = true;
    await server.hook(ROUTES.test.failNextPush.path, { status: 400 });
    const result = await phone.pushQueue.replay();
    expect(result).toEqual({
      acked: behind.map((e) => e.mutationId),
      rejected: refused.map((e) => e.mutationId),
      stalled: false,
    });
    const left = await phone.db.outbox.toArray();
    expect(left.map((e) => [e.mutationId, e.state])).toEqual(
      refused.map((e) => [e.mutationId, 'rejected']),
    );
    expect(left[0]?.error).toMatchObject({ statusCode: 400, code: expect.any(String) });
    expect(phone.queue.entries).toEqual([]);
  });

  it('a 401 keeps the request (the session ended, not the changes); after signing in again it lands', async () => {
    const phone = await signedInPhone();
    const entries = await phone.logBrew();
    await queueOffline(phone, entries);
    phone.online = true;
    await server.hook(ROUTES.test.revokeSessions.path, { email: phone.email });

    expect(await phone.pushQueue.replay()).toMatchObject({ rejected: [], stalled: true });
    expect(phone.queue.entries).toHaveLength(1);
    expect((await phone.db.outbox.toArray()).map((e) => e.state)).toEqual(['queued', 'queued']);

    await phone.signIn();
    expect(await phone.pushQueue.replay()).toMatchObject({ stalled: false });
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await serverBrews(phone)).toHaveLength(1);
  });

  it('a push queued under one account and replayed after a switch is rejected, lands nowhere, and blocks nothing', async () => {
    const phone = await signedInPhone();
    const before = await phone.logBrew();
    await queueOffline(phone, before);
    // Signed in as someone else on this browser now: the replay carries the new session's cookie.
    const otherId = await phone.signUpAnother();
    const after = await phone.logBrew();
    const body = JSON.parse(await phone.pushRequest(after).text()) as Record<string, unknown>;
    const behind = new Request(new URL(ROUTES.sync.push.path, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ ...body, accountId: otherId }),
    });
    phone.online = false;
    await phone.pushQueue.handlePush(behind);

    phone.online = true;
    const result = await phone.pushQueue.replay();
    expect(result).toEqual({
      acked: after.map((e) => e.mutationId),
      rejected: before.map((e) => e.mutationId),
      stalled: false,
    });
    const left = await phone.db.outbox.toArray();
    expect(left.map((e) => [e.mutationId, e.state])).toEqual(
      before.map((e) => [e.mutationId, 'rejected']),
    );
    expect(left[0]?.error).toMatchObject({ statusCode: 403, code: 'account_mismatch' });
    expect(phone.queue.entries).toEqual([]);
    // The first account got nothing either: the rejected writes are only on the phone.
    expect(await serverBrews(phone)).toEqual([]);
  });

  it('a discard waits for a replay in flight, so the entry it puts back is discarded too', async () => {
    const phone = await signedInPhone();
    await queueOffline(phone, await phone.logBrew());
    let release = () => {};
    phone.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The replay takes the entry out and waits on the (still offline) network...
    const replay = phone.pushQueue.replay();
    await vi.waitFor(() => expect(phone.queue.entries).toHaveLength(0));
    // ...the user discards meanwhile; then the network error puts the entry back.
    const cleared = phone.pushQueue.clear();
    release();
    expect(await replay).toMatchObject({ stalled: true });
    await cleared;
    expect(phone.queue.entries).toEqual([]);
  });

  it('log out drops queued pushes and queues itself offline; a sign-in then drops it', async () => {
    const phone = await signedInPhone();
    await queueOffline(phone, await phone.logBrew());
    const logout = new Request(new URL(ROUTES.auth.logout.path, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: '{}',
    });
    expect((await phone.pushQueue.handleLogout(logout)).status).toBe(202);
    expect(phone.queue.entries.map((e) => readMeta(e.metadata))).toEqual([{ kind: 'logout' }]);

    phone.online = true;
    const login = new Request(new URL(ROUTES.auth.login.path, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email: phone.email, password: PASSWORD }),
    });
    expect((await phone.pushQueue.handleSignIn(login)).status).toBe(200);
    expect(phone.queue.entries).toEqual([]);
    expect(await phone.pushQueue.status()).toEqual({
      type: 'queue-status',
      pending: 0,
      mutationIds: [],
    });
  });

  it('a log-out the server failed (5xx) is queued and replayed until the session ends', async () => {
    const phone = await signedInPhone();
    const logout = new Request(new URL(ROUTES.auth.logout.path, server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: '{}',
    });
    phone.failing = true;
    expect((await phone.pushQueue.handleLogout(logout)).status).toBe(202);
    expect(phone.queue.entries.map((e) => readMeta(e.metadata))).toEqual([{ kind: 'logout' }]);
    // Still failing: the replay keeps it.
    expect(await phone.pushQueue.replay()).toMatchObject({ stalled: true });
    expect(phone.queue.entries).toHaveLength(1);

    phone.failing = false;
    expect(await phone.pushQueue.replay()).toMatchObject({ stalled: false });
    expect(phone.queue.entries).toEqual([]);
    const me = await fetch(new URL(ROUTES.auth.me.path, server.url), {
      headers: { cookie: `dialin_session=${phone.sessionToken}` },
    });
    expect(me.status).toBe(401);
  });
});
