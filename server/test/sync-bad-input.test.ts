import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc, serializeHlc } from '../../shared/hlc.js';
import type { ErrorCode } from '../../shared/protocol/errors.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type { Mutation } from '../../shared/protocol/push.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import {
  dumpSyncState,
  mutation,
  newBag,
  newBrew,
  pull,
  pushBody,
  pushOk,
} from './sync-helpers.js';

/**
 * Every refused request: its status, its code, a message naming the problem, and an unchanged
 * database (every bag, brew and account version compared before and after).
 */

let t: TestApp;
let ctx: {
  cookie: string;
  accountId: string;
  otherAccountId: string;
  bagId: string;
  cursor: string;
};
const clock = new Hlc('phone');

beforeAll(async () => {
  t = await createTestApp();
  const me = await signUp(t.app);
  const other = await signUp(t.app);
  const bagId = randomUUID();
  await pushOk(
    t.app,
    me.cookie,
    pushBody(me.accountId, 'phone', [
      mutation('bag', bagId, clock.now(), newBag()),
      mutation('brew', randomUUID(), clock.now(), newBrew(bagId)),
    ]),
  );
  const page: PullResponse = (await pull(t.app, me.cookie)).json();
  ctx = {
    cookie: me.cookie,
    accountId: me.accountId,
    otherAccountId: other.accountId,
    bagId,
    cursor: page.cursor,
  };
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;
const newBagM = (patch: Record<string, unknown>) =>
  mutation('bag', randomUUID(), clock.now(), patch);
const newBrewM = (patch: Record<string, unknown>) =>
  mutation('brew', randomUUID(), clock.now(), patch);
const bagPatch = (patch: Record<string, unknown>) => newBagM({ ...newBag(), ...patch });
const brewPatch = (patch: Record<string, unknown>) =>
  newBrewM({ ...newBrew(randomUUID()), ...patch });

/** A push from the signed-in account carrying these mutations, with overrides. */
function pushOf(mutations: unknown[], overrides: Record<string, unknown> = {}): InjectOptions {
  return {
    method: 'POST',
    url: '/api/sync/push',
    headers: { cookie: ctx.cookie },
    payload: { ...pushBody(ctx.accountId, 'phone', mutations as Mutation[]), ...overrides },
  };
}
function rawPush(body: string, contentType = 'application/json'): InjectOptions {
  return {
    method: 'POST',
    url: '/api/sync/push',
    headers: { cookie: ctx.cookie, 'content-type': contentType },
    payload: body,
  };
}
function pullOf(query: string, cookie: string | null = ctx.cookie): InjectOptions {
  return {
    method: 'GET',
    url: `/api/sync/pull?${query}`,
    headers: cookie === null ? {} : { cookie },
  };
}
/** The real cursor with one of its parts replaced: how a forger would start. */
function forged(part: 'tag' | 'version' | 'entity', value: string): string {
  const parts = Buffer.from(ctx.cursor, 'base64url').toString('utf8').split(':');
  parts[{ tag: 1, version: 2, entity: 3 }[part]] = value;
  return Buffer.from(parts.join(':')).toString('base64url');
}

interface Case {
  name: string;
  request: () => InjectOptions;
  status: number;
  code: ErrorCode;
  message: RegExp;
  /** For validation_failed: which mutation (index) and field. */
  field?: [number, string];
}

const fieldCase = (name: string, m: () => Mutation, field: string, message: RegExp): Case => ({
  name,
  request: () => pushOf([m()]),
  status: 400,
  code: 'validation_failed',
  message,
  field: [0, field],
});

const CASES: Case[] = [
  // The envelope: Fastify's schema validation.
  {
    name: 'bad JSON',
    request: () => rawPush('{"accountId": '),
    status: 400,
    code: 'bad_request',
    message: /JSON/,
  },
  {
    name: 'a JSON array',
    request: () => rawPush('[]'),
    status: 400,
    code: 'bad_request',
    message: /body/,
  },
  {
    name: 'an empty body',
    request: () => rawPush(''),
    status: 400,
    code: 'bad_request',
    message: /body/,
  },
  {
    name: 'a form-encoded body',
    request: () => rawPush('accountId=1', 'application/x-www-form-urlencoded'),
    status: 415,
    code: 'bad_request',
    message: /application\/json/,
  },
  {
    name: 'a plain-text body',
    request: () => rawPush('{}', 'text/plain'),
    status: 400,
    code: 'bad_request',
    message: /body/,
  },
  {
    name: 'accountId not a uuid',
    request: () => pushOf([newBagM(newBag())], { accountId: 'me' }),
    status: 400,
    code: 'bad_request',
    message: /accountId/,
  },
  {
    name: 'schemaVersion as a string',
    request: () => pushOf([newBagM(newBag())], { schemaVersion: '1' }),
    status: 400,
    code: 'bad_request',
    message: /schemaVersion/,
  },
  {
    name: 'deviceId with a space',
    request: () => pushOf([newBagM(newBag())], { deviceId: 'my phone' }),
    status: 400,
    code: 'bad_request',
    message: /deviceId/,
  },
  {
    name: 'unknown top-level property',
    request: () => pushOf([newBagM(newBag())], { force: true }),
    status: 400,
    code: 'bad_request',
    message: /unknown property force/,
  },
  {
    name: 'mutations missing',
    request: () => pushOf([], { mutations: undefined }),
    status: 400,
    code: 'bad_request',
    message: /mutations/,
  },
  {
    name: 'no mutations',
    request: () => pushOf([]),
    status: 400,
    code: 'bad_request',
    message: /mutations/,
  },
  {
    name: '501 mutations',
    request: () => pushOf(Array.from({ length: 501 }, () => newBagM(newBag()))),
    status: 413,
    code: 'payload_too_large',
    message: /at most 500/,
  },
  {
    name: 'a body over 1 MB',
    request: () => pushOf([bagPatch({ notes: 'x'.repeat(1_100_000) })]),
    status: 413,
    code: 'payload_too_large',
    message: /1 MB/,
  },
  {
    name: 'unknown entity',
    request: () => pushOf([{ ...newBagM(newBag()), entity: 'grinder' }]),
    status: 400,
    code: 'bad_request',
    message: /mutations\.0\.entity/,
  },
  {
    name: 'mutation id not a uuid',
    request: () => pushOf([{ ...newBagM(newBag()), id: 42 }]),
    status: 400,
    code: 'bad_request',
    message: /mutations\.0\.id/,
  },
  {
    name: 'rowId not a uuid',
    request: () => pushOf([{ ...newBagM(newBag()), rowId: 'bag-1' }]),
    status: 400,
    code: 'bad_request',
    message: /mutations\.0\.rowId/,
  },
  {
    name: 'malformed hlc',
    request: () => pushOf([{ ...newBagM(newBag()), hlc: '2026-11-26T10:00:00Z' }]),
    status: 400,
    code: 'bad_request',
    message: /mutations\.0\.hlc/,
  },
  {
    name: 'empty patch',
    request: () => pushOf([newBagM({})]),
    status: 400,
    code: 'bad_request',
    message: /mutations\.0\.patch/,
  },
  {
    name: 'patch is an array',
    request: () => pushOf([{ ...newBagM(newBag()), patch: ['name'] }]),
    status: 400,
    code: 'bad_request',
    message: /mutations\.0\.patch/,
  },
  {
    name: 'unknown property on a mutation',
    request: () => pushOf([{ ...newBagM(newBag()), table: 'bag' }]),
    status: 400,
    code: 'bad_request',
    message: /unknown property table/,
  },
  // Patches: the shared validator, per entity and field kind.
  fieldCase(
    'unknown field',
    () => bagPatch({ color: 'red' }),
    'color',
    /mutations\[0\]\.patch\.color is not a field of bag/,
  ),
  fieldCase(
    'a field named like an Object method',
    () => bagPatch({ constructor: 'x' }),
    'constructor',
    /mutations\[0\]\.patch\.constructor is not a field of bag/,
  ),
  fieldCase(
    'bag created without a name',
    () => newBagM({ roaster: 'x' }),
    'name',
    /mutations\[0\]\.patch\.name is required/,
  ),
  fieldCase(
    'brew created without a bag',
    () => newBrewM({ doseG: 18 }),
    'bagId',
    /patch\.bagId is required/,
  ),
  fieldCase('blank name', () => bagPatch({ name: '   ' }), 'name', /patch\.name must not be empty/),
  fieldCase(
    'name of 121 characters',
    () => bagPatch({ name: 'n'.repeat(121) }),
    'name',
    /patch\.name must be at most 120/,
  ),
  fieldCase(
    'roaster of 81 characters',
    () => bagPatch({ roaster: 'r'.repeat(81) }),
    'roaster',
    /patch\.roaster must be at most 80/,
  ),
  fieldCase(
    'name as a number',
    () => bagPatch({ name: 7 }),
    'name',
    /patch\.name must be a string/,
  ),
  fieldCase(
    'unknown roast level',
    () => bagPatch({ roastLevel: 'burnt' }),
    'roastLevel',
    /patch\.roastLevel must be one of light/,
  ),
  fieldCase(
    'roast date that does not exist',
    () => bagPatch({ roastDate: '2026-02-30' }),
    'roastDate',
    /patch\.roastDate must be a date/,
  ),
  fieldCase(
    'roast date in the future',
    () => bagPatch({ roastDate: new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10) }),
    'roastDate',
    /patch\.roastDate must not be in the future/,
  ),
  fieldCase(
    'negative weight',
    () => bagPatch({ weightG: -1 }),
    'weightG',
    /patch\.weightG must be at least 0/,
  ),
  fieldCase(
    'weight over 5 kg',
    () => bagPatch({ weightG: 5000.5 }),
    'weightG',
    /patch\.weightG must be at most 5000/,
  ),
  fieldCase(
    'weight as a string',
    () => bagPatch({ weightG: '250' }),
    'weightG',
    /patch\.weightG must be a number/,
  ),
  fieldCase(
    'archived as a string',
    () => bagPatch({ archived: 'yes' }),
    'archived',
    /patch\.archived must be true or false/,
  ),
  fieldCase(
    'deletedAt not a timestamp',
    () => bagPatch({ deletedAt: 'yesterday' }),
    'deletedAt',
    /patch\.deletedAt must be an ISO timestamp/,
  ),
  fieldCase(
    'notes with a NUL character',
    () => bagPatch({ notes: 'a\u0000b' }),
    'notes',
    /patch\.notes must not contain NUL/,
  ),
  fieldCase(
    'notes with an unpaired surrogate',
    () => bagPatch({ notes: 'broken \ud83d emoji' }),
    'notes',
    /patch\.notes must not contain NUL or unpaired surrogates/,
  ),
  fieldCase(
    'rating off the half-star grid',
    () => brewPatch({ rating: 4.3 }),
    'rating',
    /patch\.rating must be a multiple of 0\.5/,
  ),
  fieldCase(
    'dose below 0.1 g',
    () => brewPatch({ doseG: 0 }),
    'doseG',
    /patch\.doseG must be at least 0\.1/,
  ),
  fieldCase(
    'temperature over 100 °C',
    () => brewPatch({ tempC: 101 }),
    'tempC',
    /patch\.tempC must be at most 100/,
  ),
  fieldCase(
    'unknown brew method',
    () => brewPatch({ method: 'aeropress' }),
    'method',
    /patch\.method must be one of espresso/,
  ),
  fieldCase(
    'bagId not a uuid',
    () => brewPatch({ bagId: 'bag-1' }),
    'bagId',
    /patch\.bagId must be the id of a bag/,
  ),
  fieldCase(
    'grind setting of 33 characters',
    () => brewPatch({ grindSetting: '1'.repeat(33) }),
    'grindSetting',
    /patch\.grindSetting must be at most 32/,
  ),
  fieldCase(
    'brewedAt without a zone',
    () => brewPatch({ brewedAt: '2026-11-26T10:00:00' }),
    'brewedAt',
    /patch\.brewedAt must be an ISO timestamp/,
  ),
  fieldCase(
    'clearing the name of an existing bag',
    () => mutation('bag', ctx.bagId, clock.now(), { name: null }),
    'name',
    /patch\.name is required/,
  ),
  {
    name: 'one bad mutation after a good one',
    request: () => pushOf([bagPatch({ name: 'Good' }), bagPatch({ weightG: 1e9 })]),
    status: 400,
    code: 'validation_failed',
    message: /mutations\[1\]\.patch\.weightG must be at most 5000/,
    field: [1, 'weightG'],
  },
  // The protocol and the session.
  {
    name: 'a clock two hours ahead',
    request: () =>
      pushOf([
        mutation(
          'bag',
          randomUUID(),
          serializeHlc({ millis: Date.now() + 2 * 3_600_000, counter: 0, node: 'phone' }),
          newBag(),
        ),
      ]),
    status: 409,
    code: 'clock_ahead',
    message: /mutations\[0\]\.hlc is ahead of the server clock/,
  },
  {
    name: 'a newer protocol version',
    request: () => pushOf([newBagM(newBag())], { schemaVersion: 2 }),
    status: 426,
    code: 'upgrade_required',
    message: /schemaVersion 2/,
  },
  {
    name: "another account's accountId",
    request: () => pushOf([newBagM(newBag())], { accountId: ctx.otherAccountId }),
    status: 403,
    code: 'account_mismatch',
    message: /accountId/,
  },
  {
    name: 'push without a session',
    request: () => ({ ...pushOf([newBagM(newBag())]), headers: {} }),
    status: 401,
    code: 'unauthorized',
    message: /session/,
  },
  {
    name: 'push with a made-up session',
    request: () => ({
      ...pushOf([newBagM(newBag())]),
      headers: { cookie: 'dialin_session=forged' },
    }),
    status: 401,
    code: 'unauthorized',
    message: /session/,
  },
  // Pull.
  {
    name: 'limit 0',
    request: () => pullOf('limit=0'),
    status: 400,
    code: 'bad_request',
    message: /limit/,
  },
  {
    name: 'limit 1001',
    request: () => pullOf('limit=1001'),
    status: 400,
    code: 'bad_request',
    message: /limit/,
  },
  {
    name: 'limit not a number',
    request: () => pullOf('limit=ten'),
    status: 400,
    code: 'bad_request',
    message: /limit/,
  },
  {
    name: 'cursor not base64url',
    request: () => pullOf('cursor=a%2Bb%2Fc'),
    status: 400,
    code: 'invalid_cursor',
    message: /cursor is not base64url/,
  },
  {
    name: 'cursor of random bytes',
    request: () => pullOf(`cursor=${Buffer.from('hello world').toString('base64url')}`),
    status: 400,
    code: 'invalid_cursor',
    message: /cursor is not a cursor this server issued/,
  },
  {
    name: 'cursor with a non-canonical encoding',
    request: () => pullOf(`cursor=${ctx.cursor}A`),
    status: 400,
    code: 'invalid_cursor',
    message: /cursor/,
  },
  {
    name: 'cursor past the account version',
    request: () => pullOf(`cursor=${forged('version', '99')}`),
    status: 400,
    code: 'invalid_cursor',
    message: /cursor is ahead of this account/,
  },
  {
    name: 'cursor with a malformed version',
    request: () => pullOf(`cursor=${forged('version', '-1')}`),
    status: 400,
    code: 'invalid_cursor',
    message: /malformed version/,
  },
  {
    name: 'cursor naming an unknown entity',
    request: () => pullOf(`cursor=${forged('entity', 'grinder')}`),
    status: 400,
    code: 'invalid_cursor',
    message: /unknown entity "grinder"/,
  },
  {
    name: 'cursor of another account',
    request: () => pullOf(`cursor=${forged('tag', '00000000')}`),
    status: 400,
    code: 'invalid_cursor',
    message: /another account/,
  },
  {
    name: 'cursor over 200 characters',
    request: () => pullOf(`cursor=${'A'.repeat(201)}`),
    status: 400,
    code: 'bad_request',
    message: /cursor/,
  },
  {
    name: 'pull without a session',
    request: () => pullOf('', null),
    status: 401,
    code: 'unauthorized',
    message: /session/,
  },
];

describe(`refused sync requests (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('has at least 30 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CASES)('$name → $status $code, nothing written', async (c) => {
    const before = await dumpSyncState(t.db);
    const request = c.request();
    const response = await t.app.inject(request);
    const body = response.json();
    expect({ status: response.statusCode, code: body.code }).toEqual({
      status: c.status,
      code: c.code,
    });
    expect(body.statusCode).toBe(c.status);
    expect(body.message).toMatch(c.message);
    if (c.field !== undefined) {
      const mutations = (request.payload as { mutations: Mutation[] }).mutations;
      expect(body.details).toEqual({
        index: c.field[0],
        mutationId: mutations[c.field[0]]?.id,
        field: c.field[1],
      });
    }
    if (c.code === 'clock_ahead') {
      expect(body.details).toMatchObject({ index: 0, serverTime: expect.any(Number) });
    }
    expect(await dumpSyncState(t.db)).toBe(before);
  });
});
