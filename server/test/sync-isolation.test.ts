import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import {
  dumpSyncState,
  mutation,
  newBag,
  newBrew,
  pull,
  pullAll,
  push,
  pushBody,
  pushOk,
} from './sync-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe(`account isolation (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it("keeps B's writes of A's row ids in B's own rows, and A's rows untouched", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const clockA = new Hlc('a-phone');
    const clockB = new Hlc('b-phone');
    const bagId = randomUUID();
    const brewId = randomUUID();
    await pushOk(
      t.app,
      a.cookie,
      pushBody(a.accountId, 'a-phone', [
        mutation('bag', bagId, clockA.now(), newBag('A bag')),
        mutation('brew', brewId, clockA.now(), newBrew(bagId)),
      ]),
    );
    const aBefore = await pullAll(t.app, a.cookie);

    // B knows A's ids and writes them with later clocks: an update of an existing row would
    // win every field. Instead each id is a new row in B's space, so B must create it whole.
    const partial = await push(
      t.app,
      b.cookie,
      pushBody(b.accountId, 'b-phone', [
        mutation('bag', bagId, clockB.now(), { name: 'x', notes: 'mine' }),
      ]),
    );
    expect(partial.statusCode).toBe(200);
    const onlyUpdate = await push(
      t.app,
      b.cookie,
      pushBody(b.accountId, 'b-phone', [mutation('brew', brewId, clockB.now(), { rating: 0 })]),
    );
    expect(onlyUpdate.statusCode).toBe(400);
    expect(onlyUpdate.json()).toMatchObject({
      code: 'validation_failed',
      details: { field: 'bagId' },
    });
    await pushOk(
      t.app,
      b.cookie,
      pushBody(b.accountId, 'b-phone', [
        mutation('bag', bagId, clockB.now(), { name: 'B bag', deletedAt: '2026-11-26T10:00:00Z' }),
        mutation('brew', brewId, clockB.now(), { ...newBrew(bagId), rating: 0 }),
      ]),
    );

    const aAfter = await pullAll(t.app, a.cookie);
    expect([...aAfter.rows.values()]).toEqual([...aBefore.rows.values()]);
    expect(aAfter.rows.get(`bag:${bagId}`)).toMatchObject({
      name: 'A bag',
      deletedAt: null,
      version: 1,
    });
    const bRows = await pullAll(t.app, b.cookie);
    expect(bRows.rows.get(`bag:${bagId}`)).toMatchObject({ name: 'B bag', notes: 'mine' });
    expect(bRows.rows.get(`brew:${brewId}`)).toMatchObject({ rating: 0 });
    expect(bRows.rows.size).toBe(2);

    // A's cursor means nothing to B.
    const foreignCursor = await pull(t.app, b.cookie, { cursor: aAfter.cursor as string });
    expect(foreignCursor.statusCode).toBe(400);
    expect(foreignCursor.json()).toMatchObject({ code: 'invalid_cursor' });
  });

  it("writes nothing when B's session pushes a body naming A's account", async () => {
    const a = await signUp(t.app);
    const b = await signUp(t.app);
    const before = await dumpSyncState(t.db);
    const response = await push(
      t.app,
      b.cookie,
      pushBody(a.accountId, 'b-phone', [
        mutation('bag', randomUUID(), new Hlc('b').now(), newBag()),
      ]),
    );
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      code: 'account_mismatch',
      message: expect.stringMatching(/accountId/),
    });
    expect(await dumpSyncState(t.db)).toBe(before);
    const aPage: PullResponse = (await pull(t.app, a.cookie)).json();
    const bPage: PullResponse = (await pull(t.app, b.cookie)).json();
    expect([aPage.bags, bPage.bags]).toEqual([[], []]);
  });
});
