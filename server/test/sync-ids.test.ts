import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeHlc } from '../../shared/hlc.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import {
  dumpSyncState,
  mutation,
  newBag,
  newBrew,
  pull,
  push,
  pushBody,
  pushOk,
  type Row,
} from './sync-helpers.js';

// Ids are plain lower-case UUIDs everywhere, and the pull cursor survives any stored id.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let tick = 0;
const hlc = () => serializeHlc({ millis: Date.now(), counter: tick++, node: 'ids' });
const plain = '0b6f2a4e-3c1d-4e5f-8a9b-1c2d3e4f5a6b';
const spellings = [
  ['urn:uuid:', `urn:uuid:${plain}`],
  ['upper case', plain.toUpperCase()],
  ['braces', `{${plain}}`],
] as const;

describe('row and mutation ids', () => {
  it.each(spellings)('refuses a %s rowId, mutation id, bagId and accountId', async (_n, id) => {
    const user = await signUp(t.app);
    const bagId = randomUUID();
    await pushOk(
      t.app,
      user.cookie,
      pushBody(user.accountId, 'd', [mutation('bag', bagId, hlc(), newBag())]),
    );
    const before = await dumpSyncState(t.db);
    const bodies = [
      pushBody(user.accountId, 'd', [mutation('bag', id, hlc(), newBag())]),
      pushBody(user.accountId, 'd', [{ ...mutation('bag', randomUUID(), hlc(), newBag()), id }]),
      pushBody(user.accountId, 'd', [mutation('brew', randomUUID(), hlc(), newBrew(id))]),
      pushBody(id, 'd', [mutation('bag', randomUUID(), hlc(), newBag())]),
    ];
    for (const body of bodies) {
      const response = await push(t.app, user.cookie, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code).toMatch(/^(bad_request|validation_failed)$/);
    }
    expect(await dumpSyncState(t.db)).toBe(before);
  });

  it('refuses an impossible timestamp, as impossible dates are', async () => {
    const user = await signUp(t.app);
    const bagId = randomUUID();
    await pushOk(
      t.app,
      user.cookie,
      pushBody(user.accountId, 'd', [mutation('bag', bagId, hlc(), newBag())]),
    );
    const before = await dumpSyncState(t.db);
    const response = await push(
      t.app,
      user.cookie,
      pushBody(user.accountId, 'd', [
        mutation('brew', randomUUID(), hlc(), {
          ...newBrew(bagId),
          brewedAt: '2025-02-30T10:00:00Z',
        }),
      ]),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed' });
    expect(response.json().message).toMatch(/brewedAt must be an ISO timestamp/);
    expect(await dumpSyncState(t.db)).toBe(before);
  });
});

describe('the pull cursor', () => {
  async function pullAll(cookie: string, limit: number) {
    const rows: Row[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page += 1) {
      const response = await pull(t.app, cookie, {
        limit,
        ...(cursor === undefined ? {} : { cursor }),
      });
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      rows.push(...body.bags, ...body.brews);
      cursor = body.cursor;
      if (!body.hasMore) return { rows, cursor: body.cursor as string };
    }
    throw new Error('pull never finished');
  }

  it('pages past rows stored under any id, one row per page', async () => {
    const user = await signUp(t.app);
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    await pushOk(
      t.app,
      user.cookie,
      pushBody(
        user.accountId,
        'd',
        ids.map((id) => mutation('bag', id, hlc(), newBag())),
      ),
    );
    // Spellings the server took before ids had to be plain UUIDs, one with the cursor's separator.
    const [first, second] = ids as [string, string, string];
    const respell = (from: string, to: string) =>
      sql`update bag set id = ${to}, wire = replace(wire, ${from}, ${to}) where id = ${from}`.execute(
        t.db,
      );
    await respell(first, `urn:uuid:${first}`);
    await respell(second, second.toUpperCase());

    const { rows, cursor } = await pullAll(user.cookie, 1);
    expect(rows.map((row) => row.id).sort()).toEqual(
      [`urn:uuid:${first}`, second.toUpperCase(), ids[2]].sort(),
    );
    // The last cursor (at the `urn:uuid:` row, last in id order) is what the next sync sends.
    const later = await pull(t.app, user.cookie, { cursor });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.json()).toMatchObject({ bags: [], brews: [], hasMore: false });
  });

  it('still reads a cursor issued in the previous (c1) form', async () => {
    const user = await signUp(t.app);
    const ids = [randomUUID(), randomUUID()].sort();
    await pushOk(
      t.app,
      user.cookie,
      pushBody(
        user.accountId,
        'd',
        ids.map((id) => mutation('bag', id, hlc(), newBag())),
      ),
    );
    const tag = user.accountId.replaceAll('-', '').slice(0, 8);
    const legacy = Buffer.from(`c1:${tag}:1:bag:${ids[0]}`, 'utf8').toString('base64url');
    const response = await pull(t.app, user.cookie, { cursor: legacy });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().bags.map((row: Row) => row.id)).toEqual([ids[1]]);
  });
});
