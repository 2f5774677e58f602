import { randomUUID } from 'node:crypto';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import { applyPatch } from '../../shared/merge.js';
import { MIGRATIONS } from '../src/db/migrate-to-latest.js';
import { FIELD_COLUMN_TYPES, wireJson } from '../src/sync/columns.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import { mutation, newBag, newBrew, pullAll, push, pushBody, pushOk } from './sync-helpers.js';

/**
 * Migration 0008-gear: the grinder and brewer tables, and a brew's two gear references. One
 * app (and database) for the file: PGlite takes seconds to start.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const db = () => t.db as unknown as Kysely<unknown>;

/** A migrator on the app's schema (its own one under PostgreSQL, see test-app.ts). */
async function migrator(): Promise<Migrator> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db());
  return new Migrator({
    db: t.db,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableSchema: rows[0]?.schema ?? 'public',
  });
}

/** The table's columns and their SQL types, as PostgreSQL describes them. */
async function columnsOf(table: string): Promise<Map<string, string>> {
  const { rows } = await sql<{ column_name: string; data_type: string }>`
    select column_name, data_type from information_schema.columns
    where table_name = ${table} and table_schema = current_schema()`.execute(db());
  return new Map(rows.map((r) => [r.column_name, r.data_type]));
}

describe(`migration 0008-gear (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('makes a column of the right type for every grinder, brewer and new brew field', async () => {
    for (const entity of ['grinder', 'brewer', 'brew'] as const) {
      const columns = await columnsOf(entity);
      for (const { column, type } of FIELD_COLUMN_TYPES[entity]) {
        expect(columns.get(column), `${entity}.${column}`).toBe(type);
      }
      if (entity !== 'brew') expect(columns.get('wire')).toBe('text');
    }
  });

  it('gives brews stored before it the wire the push writes now, and takes it back going down', async () => {
    const { accountId } = await signUp(t.app);
    // Down to the last migration before gear (and check the tables went with it).
    expect((await (await migrator()).migrateTo('0007-photos')).error).toBeUndefined();
    await expect(sql`select 1 from grinder`.execute(db())).rejects.toThrow();

    const brew = applyPatch(
      'brew',
      undefined,
      randomUUID(),
      { bagId: randomUUID(), method: 'espresso', grinder: 'Niche "Zero" ☕', doseG: 18 },
      '000001764151200000-00000-dev',
    ).row;
    // The wire as the push of 0007 wrote it: every brew field but the two gear fields.
    const { grinderId: _g, brewerId: _b, ...before } = JSON.parse(wireJson('brew', brew, 3));
    const oldWire = JSON.stringify(before);
    await sql`insert into brew (account_id, id, version, clocks, bag_id, method, grinder,
      dose_g, wire) values (${accountId}, ${brew.id}, 3, ${JSON.stringify(brew.clocks)},
      ${brew.bagId}, 'espresso', ${brew.grinder}, 18, ${oldWire})`.execute(db());

    expect((await (await migrator()).migrateToLatest()).error).toBeUndefined();
    const wireNow = async () =>
      (await sql<{ wire: string }>`select wire from brew where id = ${brew.id}`.execute(db()))
        .rows[0]?.wire;
    expect(await wireNow()).toBe(wireJson('brew', brew, 3));
    expect(JSON.parse((await wireNow()) as string)).toMatchObject({
      grinderId: null,
      brewerId: null,
    });

    expect((await (await migrator()).migrateTo('0007-photos')).error).toBeUndefined();
    expect(await wireNow()).toBe(oldWire);
    expect((await (await migrator()).migrateToLatest()).error).toBeUndefined();
    await sql`delete from brew where id = ${brew.id}`.execute(db());
  });

  it('syncs grinders, brewers and the brews that name them, and refuses bad gear whole', async () => {
    const { cookie, accountId } = await signUp(t.app);
    const clock = new Hlc('phone');
    const [bagId, brewId, grinderId, brewerId] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    const grinder = { name: 'Niche Zero', scaleKind: 'numeric', scaleStep: 0.5, archived: false };
    const brewer = { name: 'V60', method: 'pour_over', defaultDoseG: 15, defaultRatio: 16.5 };
    await pushOk(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('grinder', grinderId, clock.now(), grinder),
        mutation('brewer', brewerId, clock.now(), brewer),
        mutation('bag', bagId, clock.now(), newBag()),
        mutation('brew', brewId, clock.now(), { ...newBrew(bagId), grinderId, brewerId }),
      ]),
    );
    const { rows, pages } = await pullAll(t.app, cookie);
    expect(pages.flatMap((page) => page.grinders)).toHaveLength(1);
    expect(rows.get(`grinder:${grinderId}`)).toMatchObject({ ...grinder, notes: null });
    expect(rows.get(`brewer:${brewerId}`)).toMatchObject({ ...brewer, archived: null });
    expect(rows.get(`brew:${brewId}`)).toMatchObject({ grinderId, brewerId });

    const refused = await push(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('grinder', randomUUID(), clock.now(), { name: 'Tiny steps', scaleStep: 0.001 }),
      ]),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toContain('scaleStep');
    const noName = await push(
      t.app,
      cookie,
      pushBody(accountId, 'phone', [
        mutation('brewer', randomUUID(), clock.now(), { method: 'moka' }),
      ]),
    );
    expect(noName.statusCode).toBe(400);
    expect(noName.json().message).toContain('name');
  });
});
