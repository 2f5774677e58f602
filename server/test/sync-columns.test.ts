import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeHlc } from '../../shared/hlc.js';
import type { Entity } from '../../shared/model/entities.js';
import { FIELD_COLUMNS } from '../src/sync/columns.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import { mutation, pullAll, pushBody, pushOk } from './sync-helpers.js';

/**
 * The push writes each row twice: its wire JSON (what the pull sends) and one column per field
 * (what SQL reads: photo hashes, the migration backfill). Both come from one parameter, so
 * this checks that every column holds exactly the value the wire holds, for values that JSON,
 * SQL text and float8 each treat specially.
 */
let t: TestApp;
let a: { cookie: string; accountId: string };

beforeAll(async () => {
  t = await createTestApp();
  a = await signUp(t.app);
});
afterAll(async () => t?.close());

const ODD_TEXT = [
  'Guji "natural" \\ ☕ 😀',
  'line\nbreak\ttab\u0001 \u2028 \u007f',
  '","wire":"x"}]) as u; --',
  'it\'s {} [] \\u0000 \\\\"',
];

async function columnsAndWire(entity: Entity, id: string) {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(entity)}
    where account_id = ${a.accountId} and id = ${id}`.execute(t.db as Kysely<unknown>);
  const row = rows[0];
  if (row === undefined) throw new Error(`${entity} ${id} was not stored`);
  return { row, wire: JSON.parse(String(row.wire)) as Record<string, unknown> };
}

function expectColumnsMatchWire(entity: Entity, row: Record<string, unknown>, wire: object) {
  const fromColumns: Record<string, unknown> = {
    id: row.id,
    version: Number(row.version),
    clocks: row.clocks,
  };
  for (const [field, column] of FIELD_COLUMNS[entity]) fromColumns[field] = row[column];
  expect(fromColumns).toEqual(wire);
}

describe('the columns a push writes', () => {
  it('hold what the wire JSON holds, odd strings and numbers included, on create and on edit', async () => {
    const hlc = (n: number) => serializeHlc({ millis: Date.now(), counter: n, node: 'cols' });
    const bags = ODD_TEXT.map(() => randomUUID());
    const brew = randomUUID();
    const creates = [
      ...bags.map((id, i) =>
        mutation('bag', id, hlc(0), {
          name: ODD_TEXT[i],
          notes: ODD_TEXT[(i + 1) % ODD_TEXT.length],
          weightG: [0.1, 1e-7, -0, 4999.999][i],
          archived: i % 2 === 0,
        }),
      ),
      mutation('brew', brew, hlc(0), {
        bagId: bags[0],
        method: 'espresso',
        doseG: 18.25,
        yieldG: 0.1 + 0.2,
        rating: 4.5,
        brewedAt: '2026-11-26T10:00:00+01:00',
      }),
    ];
    await pushOk(t.app, a.cookie, pushBody(a.accountId, 'cols', creates));
    await pushOk(
      t.app,
      a.cookie,
      pushBody(a.accountId, 'cols', [
        mutation('bag', bags[1] as string, hlc(1), { notes: ODD_TEXT[3], weightG: 1e-7 / 3 }),
        mutation('brew', brew, hlc(1), { taste: 'sour', notes: ODD_TEXT[2], timeS: 0 }),
      ]),
    );

    const { rows: pulled } = await pullAll(t.app, a.cookie);
    for (const [entity, id] of [...bags.map((b) => ['bag', b] as const), ['brew', brew] as const]) {
      const { row, wire } = await columnsAndWire(entity, id);
      expectColumnsMatchWire(entity, row, wire);
      expect(wire).toEqual(pulled.get(`${entity}:${id}`));
    }
    const edited = await columnsAndWire('bag', bags[1] as string);
    expect(edited.row.notes).toBe(ODD_TEXT[3]);
    expect(edited.row.weight_g).toBe(1e-7 / 3);
    // -0 is stored as 0 (toBe tells them apart), as a text parameter stored it.
    expect((await columnsAndWire('bag', bags[2] as string)).row.weight_g).toBe(0);
  });
});
