import { randomBytes, randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import { photoPath, ROUTES } from '../../shared/protocol/routes.js';
import type { Database } from '../src/db/database.js';
import { sha256Hex } from '../src/photos/content-hash.js';
import {
  DEFAULT_PHOTO_QUOTA_BYTES,
  DEFAULT_PHOTO_RETENTION_MS,
} from '../src/photos/photo-config.js';
import type { PhotoStore } from '../src/photos/photo-store.js';
import { createPostgresPhotoStore } from '../src/photos/postgres-photo-store.js';
import { PHOTO_BACKENDS } from './support/photo-backends.js';
import { createTestApp, signUp, TEST_PASSWORD, type TestApp } from './support/test-app.js';
import {
  mutation,
  newBag,
  newBrew,
  newPhoto,
  pull,
  pullAll,
  pushBody,
  pushOk,
} from './sync-helpers.js';

const deleteAccount = (t: TestApp, cookie: string, password = TEST_PASSWORD) =>
  t.app.inject({
    method: 'POST',
    url: ROUTES.auth.deleteAccount.path,
    headers: { cookie },
    payload: { password },
  });

function jpeg(): { bytes: Uint8Array; hash: string } {
  const bytes = new Uint8Array(randomBytes(256));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return { bytes, hash: sha256Hex(bytes) };
}

/** An account with a bag, a brew, a photo's bytes and a failed log-in against its email. */
async function fullAccount(t: TestApp, store: PhotoStore) {
  const user = await signUp(t.app);
  const bagId = randomUUID();
  const clock = new Hlc(`d${user.accountId.slice(0, 4)}`);
  const photo = jpeg();
  await pushOk(
    t.app,
    user.cookie,
    pushBody(user.accountId, 'phone', [
      mutation('bag', bagId, clock.now(), newBag()),
      mutation('brew', randomUUID(), clock.now(), newBrew(bagId)),
      mutation('photo', randomUUID(), clock.now(), newPhoto(bagId, photo.hash)),
      mutation('grinder', randomUUID(), clock.now(), { name: 'Niche Zero' }),
      mutation('brewer', randomUUID(), clock.now(), { name: 'V60', method: 'pour_over' }),
      mutation('recipe', randomUUID(), clock.now(), { bagId, method: 'espresso', doseG: 18 }),
    ]),
  );
  await store.put(user.accountId, photo.hash, photo.bytes, 'image/jpeg');
  const failed = await t.app.inject({
    method: 'POST',
    url: ROUTES.auth.login.path,
    payload: { email: user.email, password: `${TEST_PASSWORD} no` },
  });
  expect(failed.statusCode).toBe(401);
  const { cursor } = await pullAll(t.app, user.cookie);
  return { ...user, hash: photo.hash, cursor: cursor ?? '' };
}

/** Rows naming the account in every table that has an account_id column, and attempts by email. */
async function rowsOf(db: Kysely<Database>, account: { accountId: string; email: string }) {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where column_name = 'account_id' and table_schema = current_schema()`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const found = await sql<{ n: string }>`
      select count(*) as n from ${sql.table(table_name)} where account_id = ${account.accountId}`.execute(
      db,
    );
    counts[table_name] = Number(found.rows[0]?.n);
  }
  const accounts = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('id', '=', account.accountId)
    .executeTakeFirstOrThrow();
  const attempts = await db
    .selectFrom('auth_attempts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('email', '=', account.email)
    .executeTakeFirstOrThrow();
  counts.accounts = Number(accounts.n);
  counts.auth_attempts = Number(attempts.n);
  return counts;
}

describe('deleting the account (PostgreSQL photo store)', () => {
  let t: TestApp;
  let store: PhotoStore;
  beforeAll(async () => {
    t = await createTestApp();
    store = createPostgresPhotoStore(t.db);
  });
  afterAll(() => t.close());

  it('needs the password, and a wrong one deletes nothing', async () => {
    const user = await fullAccount(t, store);
    const before = await rowsOf(t.db, user);
    const wrong = await deleteAccount(t, user.cookie, `${TEST_PASSWORD}!`);
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials' });
    expect(await rowsOf(t.db, user)).toEqual({
      ...before,
      auth_attempts: (before.auth_attempts ?? 0) + 1,
    });
    expect((await pull(t.app, user.cookie)).statusCode).toBe(200);
  });

  it('removes every row; its cookie, cursor and photo hashes answer no more; others untouched', async () => {
    const user = await fullAccount(t, store);
    const other = await fullAccount(t, store);
    const otherBefore = await rowsOf(t.db, other);
    expect(Object.values(await rowsOf(t.db, user)).every((n) => n > 0)).toBe(true);

    const deleted = await deleteAccount(t, user.cookie);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ deleted: true });
    expect(String(deleted.headers['set-cookie'])).toMatch(/^dialin_session=;/);

    const rows = await rowsOf(t.db, user);
    expect(Object.entries(rows).filter(([, n]) => n !== 0)).toEqual([]);
    expect(rows).toHaveProperty('photo_bytes', 0);
    expect(await store.has(user.accountId, user.hash)).toBe(false);

    expect((await pull(t.app, user.cookie, { cursor: user.cursor })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: ROUTES.auth.me.path,
          headers: { cookie: user.cookie },
        })
      ).statusCode,
    ).toBe(401);
    // Signed up again with the same email, it is a new account: the old cursor is refused.
    const again = await signUp(t.app, user.email);
    expect(again.accountId).not.toBe(user.accountId);
    const stale = await pull(t.app, again.cookie, { cursor: user.cursor });
    expect(stale.statusCode).toBe(400);
    expect(stale.json()).toMatchObject({ code: 'invalid_cursor' });
    expect((await pullAll(t.app, again.cookie)).rows.size).toBe(0);
    // The photo's hash: the old cookie is nobody's, and the new account owns no such photo.
    for (const [cookie, status] of [
      [user.cookie, 401],
      [again.cookie, 404],
    ] as const) {
      const image = await t.app.inject({
        method: 'GET',
        url: photoPath(user.hash),
        headers: { cookie },
      });
      expect(image.statusCode).toBe(status);
    }

    expect(await rowsOf(t.db, other)).toEqual(otherBefore);
    expect(await store.has(other.accountId, other.hash)).toBe(true);
    expect((await pullAll(t.app, other.cookie)).rows.size).toBe(6);
  });

  it('answers 401 without a session', async () => {
    expect((await deleteAccount(t, 'dialin_session=nope')).statusCode).toBe(401);
  });
});

const s3 = PHOTO_BACKENDS.find((backend) => backend.name.startsWith('s3'));

describe('deleting the account (S3 photo store)', () => {
  it('deletes the bytes kept outside the database, and only the account’s', async () => {
    if (s3 === undefined) throw new Error('no S3 backend in PHOTO_BACKENDS');
    const backend = await s3.open();
    const t = await createTestApp({
      photos: () => ({
        store: backend.store,
        quotaBytes: DEFAULT_PHOTO_QUOTA_BYTES,
        retentionMs: DEFAULT_PHOTO_RETENTION_MS,
      }),
    });
    try {
      const user = await fullAccount(t, backend.store);
      const other = await fullAccount(t, backend.store);
      expect((await deleteAccount(t, user.cookie)).statusCode).toBe(200);
      expect(await backend.store.has(user.accountId, user.hash)).toBe(false);
      expect(await backend.store.has(other.accountId, other.hash)).toBe(true);
    } finally {
      await t.close();
      await backend.close();
    }
  });
});
