import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import type { PhotoRow } from '../../shared/protocol/rows.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import {
  dumpSyncState,
  mutation,
  newBag,
  newBrew,
  newPhoto,
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

const hashOf = (digit: string) => digit.repeat(64);

describe(`photo rows through push and pull (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('stores a photo of a bag and of a brew and pulls them back exactly as sent', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const clock = new Hlc('phone');
    const bagId = randomUUID();
    const brewId = randomUUID();
    const bagPhotoId = randomUUID();
    const brewPhotoId = randomUUID();
    const bagPhoto = {
      ...newPhoto(bagId, hashOf('1')),
      caption: 'Label: “Guji”, 1 Nov',
      position: 0.5,
    };
    const brewPhoto = newPhoto(brewId, hashOf('2'), 'brew');
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('bag', bagId, clock.now(), newBag()),
        mutation('brew', brewId, clock.now(), newBrew(bagId)),
        mutation('photo', bagPhotoId, clock.now(), bagPhoto),
        mutation('photo', brewPhotoId, clock.now(), brewPhoto),
      ]),
    );
    const { rows, pages } = await pullAll(t.app, cookie);
    expect(pages.flatMap((page) => page.photos)).toHaveLength(2);
    expect(rows.get(`photo:${bagPhotoId}`)).toMatchObject({
      id: bagPhotoId,
      version: 1,
      ...bagPhoto,
    });
    expect(rows.get(`photo:${brewPhotoId}`)).toMatchObject({ ...brewPhoto, deletedAt: null });
  });

  it('keeps both photos that two devices add to one bag at once', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const bagId = randomUUID();
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [mutation('bag', bagId, new Hlc('phone').now(), newBag())]),
    );
    const phoneId = randomUUID();
    const laptopId = randomUUID();
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('photo', phoneId, new Hlc('phone').now(), newPhoto(bagId, hashOf('3'))),
      ]),
    );
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'laptop', [
        mutation('photo', laptopId, new Hlc('laptop').now(), newPhoto(bagId, hashOf('4'))),
      ]),
    );
    const { rows } = await pullAll(t.app, cookie);
    const photos = [...rows.values()].filter(
      (row) => (row as PhotoRow).ownerId === bagId,
    ) as PhotoRow[];
    expect(photos.map((photo) => photo.hash).sort()).toEqual([hashOf('3'), hashOf('4')]);
  });

  it('pulls a deleted photo as a tombstone, and pages photos after bags and brews of a version', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const clock = new Hlc('phone');
    const bagId = randomUUID();
    const photoIds = [randomUUID(), randomUUID(), randomUUID()];
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('bag', bagId, clock.now(), newBag()),
        ...photoIds.map((id, i) =>
          mutation('photo', id, clock.now(), {
            ...newPhoto(bagId, hashOf(String(5 + i))),
            position: i,
          }),
        ),
      ]),
    );
    const deletedAt = new Date().toISOString();
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('photo', photoIds[1] as string, clock.now(), { deletedAt }),
      ]),
    );
    // One row per page: every row arrives once, in (version, entity, id) order.
    const { pages, rows } = await pullAll(t.app, cookie, { limit: 1 });
    const order = pages.flatMap((page) => [
      ...page.bags.map((row) => `bag@${row.version}`),
      ...page.brews.map((row) => `brew@${row.version}`),
      ...page.photos.map((row) => `photo@${row.version}`),
    ]);
    expect(order).toEqual(['bag@1', 'photo@1', 'photo@1', 'photo@2']);
    expect(rows.get(`photo:${photoIds[1]}`)).toMatchObject({ deletedAt, version: 2 });
    expect(pages.at(-1)).toMatchObject({ hasMore: false, remaining: 0 });
  });

  it('refuses a photo without its image fields, or with a malformed hash, and writes nothing', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const before = await dumpSyncState(t.db);
    const missing = await push(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('photo', randomUUID(), new Hlc('phone').now(), {
          ownerKind: 'bag',
          ownerId: randomUUID(),
          position: 0,
        }),
      ]),
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ code: 'validation_failed', details: { field: 'hash' } });
    const malformed = await push(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation(
          'photo',
          randomUUID(),
          new Hlc('phone').now(),
          newPhoto(randomUUID(), 'F'.repeat(64)),
        ),
      ]),
    );
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().message).toContain('hash must be a SHA-256 digest');
    expect(await dumpSyncState(t.db)).toBe(before);
  });
});
