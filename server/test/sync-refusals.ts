import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hlc } from '../../shared/hlc.js';
import type { ErrorCode } from '../../shared/protocol/errors.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import type { Mutation } from '../../shared/protocol/push.js';
import { ROUTES } from '../../shared/protocol/routes.js';
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
 * The table-driven harness of the refusal suites (sync-bad-*.test.ts): every refused request
 * asserts its status, its code, a message naming the problem, and an unchanged database
 * (every bag, brew and account version compared before and after).
 */

/** The signed-in account the cases act as, with some data; set before the cases run. */
export const ctx = {
  cookie: '',
  accountId: '',
  otherAccountId: '',
  bagId: '',
  cursor: '',
};
export const clock = new Hlc('phone');
export const DAY = 86_400_000;

export const newBagM = (patch: Record<string, unknown>) =>
  mutation('bag', randomUUID(), clock.now(), patch);
export const newBrewM = (patch: Record<string, unknown>) =>
  mutation('brew', randomUUID(), clock.now(), patch);
export const bagPatch = (patch: Record<string, unknown>) => newBagM({ ...newBag(), ...patch });
export const brewPatch = (patch: Record<string, unknown>) =>
  newBrewM({ ...newBrew(randomUUID()), ...patch });

/** A push from the signed-in account carrying these mutations, with overrides. */
export function pushOf(
  mutations: unknown[],
  overrides: Record<string, unknown> = {},
): InjectOptions {
  return {
    method: 'POST',
    url: ROUTES.sync.push.path,
    headers: { cookie: ctx.cookie },
    payload: { ...pushBody(ctx.accountId, 'phone', mutations as Mutation[]), ...overrides },
  };
}
export function rawPush(body: string, contentType = 'application/json'): InjectOptions {
  return {
    method: 'POST',
    url: ROUTES.sync.push.path,
    headers: { cookie: ctx.cookie, 'content-type': contentType },
    payload: body,
  };
}
export function pullOf(query: string, cookie: string | null = ctx.cookie): InjectOptions {
  return {
    method: 'GET',
    url: `${ROUTES.sync.pull.path}?${query}`,
    headers: cookie === null ? {} : { cookie },
  };
}
/** The real cursor with one of its parts replaced: how a forger would start. */
export function forged(part: 'tag' | 'version' | 'entity', value: string): string {
  const parts = Buffer.from(ctx.cursor, 'base64url').toString('utf8').split(':');
  parts[{ tag: 1, version: 2, entity: 3 }[part]] = value;
  return Buffer.from(parts.join(':')).toString('base64url');
}

export interface Case {
  name: string;
  request: () => InjectOptions;
  status: number;
  code: ErrorCode;
  message: RegExp;
  /** For validation_failed: which mutation (index) and field. */
  field?: [number, string];
}

export const fieldCase = (
  name: string,
  m: () => Mutation,
  field: string,
  message: RegExp,
): Case => ({
  name,
  request: () => pushOf([m()]),
  status: 400,
  code: 'validation_failed',
  message,
  field: [0, field],
});

/** Runs each case on a fresh app whose account holds a bag and a brew. */
export function runRefusals(title: string, cases: Case[]): void {
  let t: TestApp;
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
    Object.assign(ctx, {
      cookie: me.cookie,
      accountId: me.accountId,
      otherAccountId: other.accountId,
      bagId,
      cursor: page.cursor,
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  describe(`${title} (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
    it.each(cases)('$name → $status $code, nothing written', async (c) => {
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
}
