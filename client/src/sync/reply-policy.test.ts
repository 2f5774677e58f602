import { ROUTES } from '../../../shared/protocol/routes.js';
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/protocol/error-codes.js';
import {
  BARE_REPLIES,
  type Recovery,
  type Refusal,
  type ReplayRecovery,
  type ReplyKey,
  replyKey,
  ruleFor,
} from '../../../shared/protocol/reply-policy.js';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.js';
import { type Device, PASSWORD, uniqueEmail } from '../../test-support/device.js';
import { memoryQueue } from '../../test-support/memory-queue.js';
import { useTestServer } from '../../test-support/test-server.js';
import { signup } from '../account/account.js';
import { createBag, updateBag } from '../data/actions.js';
import { ackOutbox, markQueued, rejectOutbox, toMutation } from '../data/outbox.js';
import type { OutboxEntry } from '../data/schema.js';
import { createPushQueue } from '../pwa/sw/push-queue.js';
import { describePush } from '../pwa/sw/queue-entry.js';
import { isTimeout } from './http.js';
import { pushOutbox } from './push.js';

/**
 * Every row of the reply policy, through the page's push and the worker's replay, against the
 * real server: the first request gets the row's answer, every later one reaches the server.
 * The outbox each path leaves behind is what the row's recovery promises, so a path that
 * decides on a status or a code by itself fails here.
 */

const setup = useTestServer();

const ROWS = [...Object.keys(ERROR_CODES), ...Object.keys(BARE_REPLIES)] as ReplyKey[];

/** Only our error bodies name a mutation; a bare status names none. */
const namesOne = (key: ReplyKey) => Object.hasOwn(ERROR_CODES, key);

/** An answer that lands on row `key`, naming `named` as the bad mutation where it can. */
function answer(key: ReplyKey, named: string): Response {
  if (key === 'network') throw new TypeError('Failed to fetch');
  if (key === 'timeout') throw new DOMException('The operation timed out.', 'TimeoutError');
  const page = (status: number) => new Response('<html>Not the server</html>', { status });
  if (key === 'not_the_server') return page(200);
  if (key === 'http_4xx') return page(418);
  if (key === 'http_5xx') return page(502);
  if (key.startsWith('http_')) return page(Number(key.slice('http_'.length)));
  const { status } = ERROR_CODES[key as keyof typeof ERROR_CODES];
  const body = {
    statusCode: status,
    code: key,
    message: `answered ${key}`,
    details: { mutationId: named, serverTime: Date.now() },
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** Row `key`'s answer as the client reads it. */
async function refusalFor(key: ReplyKey): Promise<Refusal> {
  try {
    const response = answer(key, 'm');
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, body: text };
    }
  } catch (error) {
    return isTimeout(error) ? 'timeout' : 'network';
  }
}

/** Answers the first request with row `key`'s answer, and sends every later one on. */
function firstAnswers(key: ReplyKey, named: () => string) {
  let answered = false;
  return <T>(next: () => Promise<T>): Promise<T | Response> => {
    if (answered) return next();
    answered = true;
    return (async () => answer(key, named()))();
  };
}

async function signedIn(name: string): Promise<Device> {
  const device = setup.device(name);
  const signed = await signup(device.engine, { email: uniqueEmail('policy'), password: PASSWORD });
  expect(signed.ok).toBe(true);
  return device;
}

/** Two outbox entries (a new bag, then an edit of it), in seq order; the second is `named`. */
async function twoEntries(device: Device): Promise<OutboxEntry[]> {
  const before = new Set((await device.db.outbox.toArray()).map((e) => e.mutationId));
  const bagId = await createBag(device.db, { name: 'Policy' });
  await updateBag(device.db, bagId, { roaster: 'Edited' });
  return (await device.db.outbox.orderBy('seq').toArray()).filter((e) => !before.has(e.mutationId));
}

async function states(device: Device): Promise<[string, string][]> {
  return (await device.db.outbox.orderBy('seq').toArray()).map((e) => [e.mutationId, e.state]);
}

/** The page's outbox after one push, as the recovery promises it. */
function pageExpects(recovery: Recovery, entries: OutboxEntry[], names: boolean) {
  const [first, second] = entries.map((e) => e.mutationId) as [string, string];
  switch (recovery) {
    case 'retry_later':
    case 'upgrade':
    case 'sign_in':
      return [
        [first, 'pending'],
        [second, 'pending'],
      ];
    case 'restamp':
    case 'split':
      return [];
    case 'reject_named':
      return names
        ? [[second, 'rejected']]
        : [
            [first, 'rejected'],
            [second, 'rejected'],
          ];
    case 'reject_all':
      return [
        [first, 'rejected'],
        [second, 'rejected'],
      ];
  }
}

/** The worker's outbox after one round, for request A (answered by the row) and B behind it. */
function workerExpects(recovery: ReplayRecovery, a: OutboxEntry[], b: string, names: boolean) {
  const [first, second] = a.map((e) => e.mutationId) as [string, string];
  const queued = (id: string) => [id, 'queued'];
  const rejected = (id: string) => [id, 'rejected'];
  switch (recovery) {
    case 'keep':
      return { outbox: [queued(first), queued(second), queued(b)], requestsLeft: 2 };
    case 'release':
      return { outbox: [queued(first), queued(second)], requestsLeft: 0 };
    case 'reject_named':
      return {
        outbox: names ? [queued(first), rejected(second)] : [rejected(first), rejected(second)],
        requestsLeft: 0,
      };
    case 'reject_all':
      return { outbox: [rejected(first), rejected(second)], requestsLeft: 0 };
  }
}

function workerFetch(device: Device, first: ReturnType<typeof firstAnswers>): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = request.method === 'GET' ? null : await request.text();
    return first(() =>
      device.transport.fetch(request.url, {
        method: request.method,
        headers: Object.fromEntries(request.headers),
        ...(body === null ? {} : { body }),
      }),
    ) as Promise<Response>;
  };
}

async function pushRequest(device: Device, entries: OutboxEntry[]): Promise<Request> {
  const meta = await device.db.meta.get('device');
  return new Request(new URL(ROUTES.sync.push.path, setup.server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: setup.server.url },
    body: JSON.stringify({
      accountId: meta?.accountId,
      deviceId: meta?.deviceId,
      schemaVersion: PROTOCOL_VERSION,
      mutations: entries.map(toMutation),
    }),
  });
}

describe.each(ROWS)('the reply policy row %s', (key) => {
  const rule = ruleFor(key);

  it('is the row its answer is looked up as', async () => {
    expect(replyKey(await refusalFor(key))).toBe(key);
  });

  it(`page: ${rule.push}`, async () => {
    const phone = await signedIn('page');
    const entries = await twoEntries(phone);
    const first = firstAnswers(key, () => entries[1]?.mutationId ?? '');
    phone.intercept = (url, init, next) => first(() => next(url, init)) as Promise<Response>;
    const result = await pushOutbox(phone.db, phone.transport);

    expect(await states(phone)).toEqual(pageExpects(rule.push, entries, namesOne(key)));
    const stops = ['retry_later', 'upgrade', 'sign_in'].includes(rule.push);
    expect(result.ok).toBe(!stops);
    const meta = await phone.db.meta.get('device');
    expect(meta?.signedOutOnServer).toBe(rule.push === 'sign_in');
  });

  it(`worker: ${rule.replay}; a queued log-out: ${rule.logout}`, async () => {
    const phone = await signedIn('worker');
    const a = await twoEntries(phone);
    await createBag(phone.db, { name: 'Behind' });
    const b = (await phone.db.outbox.orderBy('seq').toArray()).slice(-1);
    const queue = memoryQueue();
    for (const entries of [a, b]) {
      const request = await pushRequest(phone, entries);
      await queue.pushRequest({ request, metadata: await describePush(request) });
      await markQueued(
        phone.db,
        entries.map((e) => e.mutationId),
      );
    }
    const worker = (first: ReturnType<typeof firstAnswers>) =>
      createPushQueue({
        queue,
        openOutbox: () => ({
          ack: (ids) => ackOutbox(phone.db, ids),
          reject: (ids, error) => rejectOutbox(phone.db, ids, error),
          close: () => undefined,
        }),
        broadcast: () => undefined,
        fetchImpl: workerFetch(phone, first),
      });

    const round = await worker(firstAnswers(key, () => a[1]?.mutationId ?? '')).replay();
    const bId = b[0]?.mutationId ?? '';
    const expected = workerExpects(rule.replay, a, bId, namesOne(key));
    expect(await states(phone)).toEqual(expected.outbox);
    expect(queue.entries).toHaveLength(expected.requestsLeft);
    expect(round.stalled).toBe(rule.replay === 'keep');

    // A queued log-out, alone in the queue, answered by the same row.
    queue.entries.splice(0);
    const logout = new Request(new URL(ROUTES.auth.logout.path, setup.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: setup.server.url },
      body: '{}',
    });
    await queue.pushRequest({ request: logout, metadata: { kind: 'logout' } });
    await worker(firstAnswers(key, () => '')).replay();
    expect(queue.entries).toHaveLength(rule.logout === 'keep' ? 1 : 0);
  });
});
