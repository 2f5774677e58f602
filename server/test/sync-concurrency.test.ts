import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type { PushRequest, PushResponse } from '../../shared/protocol/push.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import { mutation, newBag, newBrew, pullAll, pushBody, type Row } from './sync-helpers.js';

/**
 * Real concurrency needs real PostgreSQL (PGlite is one serialized session): devices push in
 * parallel over HTTP while another device pulls in a loop. CI sets DATABASE_URL.
 */
const DEVICES = 4;
const PUSHES_PER_DEVICE = 15;
const SHARED_BAGS = 12;

describe.skipIf(!process.env.DATABASE_URL)('concurrent pushes and pulls (PostgreSQL)', () => {
  let t: TestApp;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t?.close();
  });

  async function post(cookie: string, body: PushRequest): Promise<PushResponse> {
    const response = await fetch(`${base}/api/sync/push`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 200)
      throw new Error(`push ${response.status}: ${await response.text()}`);
    return (await response.json()) as PushResponse;
  }

  async function get(cookie: string, cursor: string | undefined): Promise<PullResponse> {
    const query = `limit=25${cursor === undefined ? '' : `&cursor=${cursor}`}`;
    const response = await fetch(`${base}/api/sync/pull?${query}`, { headers: { cookie } });
    if (response.status !== 200)
      throw new Error(`pull ${response.status}: ${await response.text()}`);
    return (await response.json()) as PullResponse;
  }

  it('lets a puller end with every row as the server holds it, skipping nothing', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const seed = new Hlc('seed');
    const bagIds = Array.from({ length: SHARED_BAGS }, () => randomUUID());
    await post(
      cookie,
      pushBody(
        accountId,
        'seed',
        bagIds.map((id, i) => mutation('bag', id, seed.now(), newBag(`Bag ${i}`))),
      ),
    );

    // Each device edits the shared bags (conflicting fields) and adds brews in both tables,
    // and replays one earlier push now and then, as service workers do.
    const responses: PushResponse[] = [];
    const device = async (name: string) => {
      const clock = new Hlc(name);
      const sent: PushRequest[] = [];
      for (let n = 0; n < PUSHES_PER_DEVICE; n++) {
        const bagId = bagIds[(n * 7 + name.length) % SHARED_BAGS] as string;
        const body = pushBody(accountId, name, [
          mutation('bag', bagId, clock.now(), { notes: `${name} #${n}`, weightG: n }),
          mutation('bag', bagIds[n % SHARED_BAGS] as string, clock.now(), { roaster: name }),
          mutation('brew', randomUUID(), clock.now(), newBrew(bagId)),
          mutation('brew', randomUUID(), clock.now(), { ...newBrew(bagId), rating: (n % 10) / 2 }),
        ]);
        sent.push(body);
        responses.push(await post(cookie, body));
        if (n % 5 === 4) responses.push(await post(cookie, sent[n - 3] as PushRequest));
      }
    };

    let pushing = true;
    const puller = async () => {
      const rows = new Map<string, Row>();
      let cursor: string | undefined;
      let last: [number, string, string] | undefined;
      let pages = 0;
      const take = (entity: string, row: Row) => {
        const key: [number, string, string] = [row.version, entity, row.id];
        // Every row sorts after everything delivered before it: the cursor never goes back.
        if (last !== undefined) expect(compareKeys(key, last)).toBeGreaterThan(0);
        last = key;
        rows.set(`${entity}:${row.id}`, row);
      };
      // Keep pulling while pushes run, then once more until caught up.
      for (let caughtUp = false; pushing || !caughtUp; ) {
        const page = await get(cookie, cursor);
        pages += 1;
        // The two arrays split one ordered page; put it back in pull order first.
        const ordered = [
          ...page.bags.map((row) => ['bag', row] as const),
          ...page.brews.map((row) => ['brew', row] as const),
        ].sort(([ea, a], [eb, b]) => compareKeys([a.version, ea, a.id], [b.version, eb, b.id]));
        for (const [entity, row] of ordered) take(entity, row);
        cursor = page.cursor;
        caughtUp = !page.hasMore && !pushing;
      }
      return { rows, pages };
    };

    const pulled = puller();
    await Promise.all(Array.from({ length: DEVICES }, (_, i) => device(`device-${i}`)));
    pushing = false;
    const { rows, pages } = await pulled;

    // Versions: each push that changed something took the next one, none twice.
    const versions = responses.filter((r) => r.applied > 0).map((r) => r.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(Math.max(...versions)).toBe(versions.length + 1);
    expect(responses.filter((r) => r.applied === 0)).toHaveLength(
      DEVICES * Math.floor(PUSHES_PER_DEVICE / 5),
    );

    // The server's rows, read from scratch, equal what the looping puller assembled.
    const fresh = await pullAll(t.app, cookie, { limit: 1000 });
    expect(fresh.rows.size).toBe(SHARED_BAGS + DEVICES * PUSHES_PER_DEVICE * 2);
    expect(Object.fromEntries(rows)).toEqual(Object.fromEntries(fresh.rows));
    expect(pages).toBeGreaterThan(1);
  });
});

function compareKeys(a: [number, string, string], b: [number, string, string]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}
