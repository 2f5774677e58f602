import { randomUUID } from 'node:crypto';
import { type Kysely, type Migration, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import { applyPatch } from '../../shared/merge.js';
import { BagRow } from '../../shared/protocol/rows.js';
import { createDatabase, type DatabaseHandle } from '../src/db/create-database.js';
import type { Database } from '../src/db/database.js';
import { MIGRATIONS, schemaMigrator } from '../src/db/migrate-to-latest.js';
import { toDb, wireJson } from '../src/sync/columns.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import {
  dumpSyncState,
  mutation,
  newBag,
  pullAll,
  push,
  pushBody,
  pushOk,
} from './sync-helpers.js';

/** The bag's new fields and the recipe entity (migration 0009) through push and pull. */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';

describe(`bag details and recipes through push and pull (${engine})`, () => {
  it('stores the new bag fields and a recipe, and pulls them back exactly as sent', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const clock = new Hlc('phone');
    const bagId = randomUUID();
    const recipeId = randomUUID();
    const details = {
      ...newBag(),
      region: 'Guji',
      farm: 'Hambela',
      openedDate: '2026-11-30',
      price: 18.5,
      flavourNotes: 'peach, jasmine',
      decaf: false,
      rating: 4.5,
    };
    const target = {
      bagId,
      method: 'espresso',
      doseG: 18,
      ratio: 2,
      timeMinS: 25,
      timeMaxS: 30,
      tempC: 93,
    };
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('bag', bagId, clock.now(), details),
        mutation('recipe', recipeId, clock.now(), target),
      ]),
    );
    const { rows, pages } = await pullAll(t.app, cookie);
    expect(pages.flatMap((page) => page.recipes)).toHaveLength(1);
    expect(rows.get(`bag:${bagId}`)).toMatchObject(details);
    expect(rows.get(`recipe:${recipeId}`)).toMatchObject({ ...target, deletedAt: null });
  });

  it('merges two devices’ edits of one target field by field', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const bagId = randomUUID();
    const recipeId = randomUUID();
    const phone = new Hlc('phone');
    const laptop = new Hlc('laptop');
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('bag', bagId, phone.now(), newBag()),
        mutation('recipe', recipeId, phone.now(), { bagId, method: 'espresso', doseG: 18 }),
      ]),
    );
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [mutation('recipe', recipeId, phone.now(), { doseG: 19 })]),
    );
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'laptop', [
        mutation('recipe', recipeId, laptop.now(), { timeMinS: 26, timeMaxS: 31 }),
      ]),
    );
    const { rows } = await pullAll(t.app, cookie);
    expect(rows.get(`recipe:${recipeId}`)).toMatchObject({ doseG: 19, timeMinS: 26, timeMaxS: 31 });
  });

  it('refuses a recipe without its bag, and bad bag values, naming the field; writes nothing', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const before = await dumpSyncState(t.db);
    const noBag = await push(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('recipe', randomUUID(), new Hlc('phone').now(), { method: 'espresso' }),
      ]),
    );
    expect(noBag.statusCode).toBe(400);
    expect(noBag.json()).toMatchObject({ code: 'validation_failed', details: { field: 'bagId' } });
    const badTags = await push(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('bag', randomUUID(), new Hlc('phone').now(), {
          ...newBag(),
          flavourNotes: 'peach,,jasmine',
        }),
      ]),
    );
    expect(badTags.statusCode).toBe(400);
    expect(badTags.json().message).toContain('flavourNotes must not hold an empty tag');
    expect(await dumpSyncState(t.db)).toBe(before);
  });
});

describe(`migration 0009-bag-details-recipes (${engine})`, () => {
  let handle: DatabaseHandle;
  let db: Kysely<Database>;
  let schema: string | undefined;
  beforeAll(async () => {
    const url = process.env.DATABASE_URL || undefined;
    schema = url === undefined ? undefined : `test_${randomUUID().replaceAll('-', '')}`;
    handle = await createDatabase({ url, dataDir: 'memory://', schema });
    db = handle.db;
  });
  afterAll(async () => {
    if (schema !== undefined) {
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
    }
    await handle?.close();
  });

  it('gives a bag stored before it the wire JSON a push writes now, and undoes cleanly', async () => {
    const migrator = schemaMigrator(db, handle.schema, MIGRATIONS as Record<string, Migration>);
    expect((await migrator.migrateTo('0007-photos')).error).toBeUndefined();
    const accountId = randomUUID();
    await sql`insert into accounts (id, email, password_hash)
      values (${accountId}, ${`${accountId}@example.com`}, 'x')`.execute(db);
    const bag = applyPatch(
      'bag',
      undefined,
      randomUUID(),
      { name: 'Guji "natural" }', weightG: 250, archived: false },
      '0001764151200000-0000-dev',
    ).row;
    // The wire text the push wrote before 0009: the fields of then, in their order.
    const before = `{"id":${JSON.stringify(bag.id)},"version":3,"clocks":${JSON.stringify(bag.clocks)},"name":"Guji \\"natural\\" }","roaster":null,"origin":null,"process":null,"variety":null,"roastLevel":null,"roastDate":null,"weightG":250,"notes":null,"archived":false,"deletedAt":null}`;
    const values = toDb('bag', accountId, bag, 3);
    const old = Object.fromEntries(
      Object.entries(values).filter(
        ([column]) =>
          !['region', 'farm', 'opened_date', 'price', 'flavour_notes', 'decaf', 'rating'].includes(
            column,
          ),
      ),
    );
    await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('bag')
      .values({ ...old, wire: before })
      .execute();

    expect((await migrator.migrateTo('0009-bag-details-recipes')).error).toBeUndefined();
    const read = async () =>
      (await sql<{ wire: string }>`select wire from bag where id = ${bag.id}`.execute(db)).rows[0]
        ?.wire;
    // Byte for byte what the push writes for that row today, and a row the schema takes.
    expect(await read()).toBe(wireJson('bag', bag, 3));
    const schemaKeys = Object.keys((BagRow as unknown as { properties: object }).properties);
    expect(Object.keys(JSON.parse((await read()) ?? '{}')).sort()).toEqual(schemaKeys.sort());

    expect((await migrator.migrateTo('0007-photos')).error).toBeUndefined();
    expect(await read()).toBe(before);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
  });
});
