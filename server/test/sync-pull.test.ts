import { randomUUID } from 'node:crypto';
import { registerAjvFormats } from '@fastify/type-provider-typebox';
import { Compile } from 'typebox/compile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import type { Entity } from '../../shared/model/entities.js';
import { PullResponse } from '../../shared/protocol/pull.js';
import type { Mutation } from '../../shared/protocol/push.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import { mutation, newBag, newBrew, pull, pullAll, pushBody, pushOk } from './sync-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type Key = [number, Entity, string];

/**
 * The rows of consecutive pages in pull order: (version, entity, id), ids compared as
 * strings. A page splits into `bags` and `brews`, so each page is put back in order, and
 * `isAscending` then checks that each page starts after the previous one ended.
 */
function orderKeys(pages: PullResponse[]): Key[] {
  return pages.flatMap((page) => {
    const bags = page.bags.map((row): Key => [row.version, 'bag', row.id]);
    const brews = page.brews.map((row): Key => [row.version, 'brew', row.id]);
    // Each array must already be in order on its own.
    expect(isAscending(bags) && isAscending(brews)).toBe(true);
    return [...bags, ...brews].sort(compareKeys);
  });
}

function compareKeys(a: Key, b: Key): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

function isAscending(keys: Key[]): boolean {
  return keys.every((key, i) => i === 0 || compareKeys(keys[i - 1] as Key, key) < 0);
}

/** One push creating `bags` bags and `brews` brews: all rows in one version. */
function bulk(clock: Hlc, bags: number, brews: number): Mutation[] {
  const bagIds = Array.from({ length: bags }, () => randomUUID());
  return [
    ...bagIds.map((id, i) => mutation('bag', id, clock.now(), newBag(`Bag ${i}`))),
    ...Array.from({ length: brews }, (_, i) =>
      mutation('brew', randomUUID(), clock.now(), newBrew(bagIds[i % bags] ?? randomUUID())),
    ),
  ];
}

describe(`pull (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('pages through one version holding more rows than a page, losing nothing', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const mutations = bulk(new Hlc('phone'), 300, 200);
    expect(await pushOk(t.app, cookie, pushBody(accountId, 'phone', mutations))).toMatchObject({
      version: 1,
      applied: 500,
    });

    const { pages, rows } = await pullAll(t.app, cookie, { limit: 7 });
    expect(pages).toHaveLength(Math.ceil(500 / 7));
    const keys = orderKeys(pages);
    expect(keys).toHaveLength(500);
    expect(new Set(keys.map((k) => `${k[1]}:${k[2]}`)).size).toBe(500);
    expect(isAscending(keys)).toBe(true);
    expect([...rows.keys()].sort()).toEqual(mutations.map((m) => `${m.entity}:${m.rowId}`).sort());
    let seen = 0;
    for (const [i, page] of pages.entries()) {
      seen += page.bags.length + page.brews.length;
      expect(page.remaining).toBe(500 - seen);
      expect(page.hasMore).toBe(i < pages.length - 1);
      expect(page.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it('delivers changes committed between pages, and re-delivers rows changed again', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const clock = new Hlc('phone');
    const first = bulk(clock, 20, 20);
    await pushOk(t.app, cookie, pushBody(accountId, 'phone', first));
    const page1: PullResponse = (await pull(t.app, cookie, { limit: 10 })).json();
    expect(page1.bags).toHaveLength(10);
    expect(page1.remaining).toBe(30);

    // A bag already delivered changes, and a new brew arrives, before the next page.
    const changedBag = page1.bags[0]?.id as string;
    const newBrewId = randomUUID();
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'laptop', [
        mutation('bag', changedBag, clock.now(), { notes: 'changed mid-pull' }),
        mutation('brew', newBrewId, clock.now(), newBrew(changedBag)),
      ]),
    );
    const rest = await pullAll(t.app, cookie, { cursor: page1.cursor, limit: 10 });
    expect(rest.pages[0]?.remaining).toBe(32 - 10);
    expect(rest.rows.get(`bag:${changedBag}`)).toMatchObject({
      version: 2,
      notes: 'changed mid-pull',
    });
    expect(rest.rows.get(`brew:${newBrewId}`)).toMatchObject({ version: 2 });
    expect(rest.rows.size).toBe(32);
    expect(isAscending(orderKeys([page1, ...rest.pages]))).toBe(true);
  });

  it('answers 500 rows by default, at most 1000, and resumes from the last cursor', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const clock = new Hlc('phone');
    for (let i = 0; i < 3; i++) {
      await pushOk(t.app, cookie, pushBody(accountId, 'phone', bulk(clock, 250, 250)));
    }
    const byDefault: PullResponse = (await pull(t.app, cookie)).json();
    expect(byDefault.bags.length + byDefault.brews.length).toBe(500);
    expect(byDefault).toMatchObject({ hasMore: true, remaining: 1000 });
    const max: PullResponse = (await pull(t.app, cookie, { limit: 1000 })).json();
    expect(max.bags.length + max.brews.length).toBe(1000);
    expect(max.remaining).toBe(500);

    const all = await pullAll(t.app, cookie, { limit: 1000 });
    expect(all.rows.size).toBe(1500);
    // Caught up: the cursor answers an empty page and keeps its place.
    const idle: PullResponse = (await pull(t.app, cookie, { cursor: all.cursor as string })).json();
    expect(idle).toMatchObject({
      bags: [],
      brews: [],
      hasMore: false,
      remaining: 0,
      cursor: all.cursor,
    });
    const bagId = randomUUID();
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [mutation('bag', bagId, clock.now(), newBag())]),
    );
    const delta: PullResponse = (
      await pull(t.app, cookie, { cursor: all.cursor as string })
    ).json();
    expect(delta.bags.map((b) => b.id)).toEqual([bagId]);
    expect(delta.bags[0]?.version).toBe(4);
    expect(delta.brews).toEqual([]);
  });

  it('answers pages that match the PullResponse schema, numbers exact', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const clock = new Hlc('phone');
    // Doubles that a 15-digit float8 output would round.
    const weights = [0.1 + 0.2, 123.45678901234568, 4999.999999999999, 5e-324, 1 / 3];
    const bags = weights.map((weightG) =>
      mutation('bag', randomUUID(), clock.now(), { ...newBag(), weightG, archived: true }),
    );
    const brew = mutation('brew', randomUUID(), clock.now(), {
      ...newBrew(randomUUID()),
      tempC: 92.30000000000001,
    });
    await pushOk(t.app, cookie, pushBody(accountId, 'phone', [...bags, brew]));
    registerAjvFormats();
    const schema = Compile(PullResponse);
    const { pages, rows } = await pullAll(t.app, cookie, { limit: 4 });
    for (const page of pages) expect([...schema.Errors(page)]).toEqual([]);
    expect(bags.map((m) => (rows.get(`bag:${m.rowId}`) as { weightG: number }).weightG)).toEqual(
      weights,
    );
    expect(rows.get(`brew:${brew.rowId}`)).toMatchObject({
      tempC: 92.30000000000001,
      waterG: null,
    });
  });

  it('starts an account with nothing: an empty first page', async () => {
    const { cookie } = await signUp(t.app);
    const response = await pull(t.app, cookie);
    expect(response.statusCode).toBe(200);
    const page: PullResponse = response.json();
    expect(page).toMatchObject({ bags: [], brews: [], hasMore: false, remaining: 0 });
    expect(Math.abs(page.serverTime - Date.now())).toBeLessThan(60_000);
    // The cursor of an empty page is a valid cursor.
    expect((await pull(t.app, cookie, { cursor: page.cursor })).statusCode).toBe(200);
  });
});
