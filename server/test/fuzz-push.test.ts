import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeHlc } from '../../shared/hlc.js';
import { BAG_FIELDS, BREW_FIELDS } from '../../shared/model/entities.js';
import { LIMITS } from '../../shared/protocol/limits.js';
import { PROTOCOL_VERSION } from '../../shared/protocol/version.js';
import {
  anyJson,
  createFuzzer,
  digest,
  type Fuzzer,
  hostileString,
  rawBody,
  runs,
} from './fuzz-harness.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import { dumpSyncState, mutation, newBag, newBrew, pushBody, pushOk } from './sync-helpers.js';

// Every request goes through fuzzer.send: zero 5xx, every 4xx a valid ErrorBody naming its
// problem, and nothing written by a refused request (see fuzz-harness.ts).
let t: TestApp;
let fuzz: Fuzzer;
let a: { cookie: string; accountId: string };
let b: { cookie: string; accountId: string };
let c: { cookie: string; accountId: string };
const ids = { aBag: randomUUID(), aBrew: randomUUID(), bBag: randomUUID(), bBrew: randomUUID() };
let bState: string;

/** Account B's rows and version only: nobody but B may ever change them, and B never pushes. */
async function bDump(): Promise<string> {
  const all = JSON.parse(await dumpSyncState(t.db)) as Record<
    string,
    { account_id?: string; id?: string }[]
  >;
  return JSON.stringify(
    Object.values(all).map((rows) =>
      rows.filter((row) => row.account_id === b.accountId || row.id === b.accountId),
    ),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  [a, b, c] = [await signUp(t.app), await signUp(t.app), await signUp(t.app)];
  const hlc = () => serializeHlc({ millis: Date.now(), counter: 0, node: 'seed' });
  await pushOk(
    t.app,
    a.cookie,
    pushBody(a.accountId, 'seed', [
      mutation('bag', ids.aBag, hlc(), newBag('A bag')),
      mutation('brew', ids.aBrew, hlc(), newBrew(ids.aBag)),
    ]),
  );
  await pushOk(
    t.app,
    b.cookie,
    pushBody(b.accountId, 'seed', [
      mutation('bag', ids.bBag, hlc(), newBag('B secret bag')),
      mutation('brew', ids.bBrew, hlc(), newBrew(ids.bBag)),
    ]),
  );
  bState = await bDump();
  fuzz = createFuzzer(t.app, t.db);
});
afterAll(async () => {
  console.log(
    `fuzz push: ${fuzz.sent} requests, statuses ${JSON.stringify(Object.fromEntries(fuzz.statuses))}`,
  );
  // Account B's rows never changed, whatever was thrown at A's session.
  expect(await bDump()).toBe(bState);
  await t.close();
});

const YEAR_MS = 365.25 * 86_400_000;
const hlcAt = (millis: number, node = 'fuzz') =>
  serializeHlc({ millis: Math.max(0, Math.round(millis)), counter: 0, node });

const fieldName = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(...Object.keys(BAG_FIELDS), ...Object.keys(BREW_FIELDS)),
  },
  { weight: 1, arbitrary: hostileString },
);
const fieldValue = fc.oneof(
  fc.double({ min: -10, max: 6000, noNaN: true }),
  fc.integer({ min: 0, max: 100 }).map((n) => n / 2),
  fc.constantFrom(
    'espresso',
    'light',
    'sour',
    'unknown',
    'moka',
    '2026-11-01',
    '2026-11-26T08:00:00Z',
  ),
  fc.constantFrom(ids.aBag, ids.bBag, ids.bBrew),
  fc.uuid(),
  fc.string({ maxLength: 130 }),
  fc.constant('x'.repeat(2001)),
  anyJson,
);
const hlcArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.integer({ min: -60_000, max: 60_000 }).map((d) => hlcAt(Date.now() + d)),
  },
  {
    weight: 1,
    arbitrary: fc
      .double({ min: 0.9, max: 1.1, noNaN: true })
      .map((f) => hlcAt(Date.now() + 100 * YEAR_MS * f)),
  },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 10 * 3_600_000 }).map((d) => hlcAt(Date.now() + d)),
  },
  { weight: 1, arbitrary: fc.constant(hlcAt(0)) },
  { weight: 1, arbitrary: hostileString },
);
const rowIdArb = fc.oneof(
  fc.uuid(),
  fc.constantFrom(ids.aBag, ids.aBrew, ids.bBag, ids.bBrew),
  hostileString,
);
const chaoticMutation = fc.record(
  {
    id: fc.oneof({ weight: 5, arbitrary: fc.uuid() }, { weight: 1, arbitrary: anyJson }),
    entity: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom('bag', 'brew') },
      { weight: 1, arbitrary: anyJson },
    ),
    rowId: rowIdArb,
    hlc: hlcArb,
    patch: fc.oneof(
      { weight: 6, arbitrary: fc.dictionary(fieldName, fieldValue, { minKeys: 0, maxKeys: 5 }) },
      { weight: 1, arbitrary: anyJson },
    ),
    extra: anyJson,
  },
  { requiredKeys: ['id', 'entity', 'rowId', 'hlc', 'patch'] },
);
/** Mostly well-formed mutations (so pushes get applied), one field corrupted now and then. */
const text = (max: number) =>
  fc.string({ minLength: 1, maxLength: max }).filter((s) => s.trim() !== '');
const bagPatch = fc.record(
  {
    name: text(120),
    roaster: text(80),
    roastLevel: fc.constantFrom('light', 'medium', 'dark', 'unknown'),
    weightG: fc.integer({ min: 0, max: 5000 }),
    notes: fc.string({ maxLength: 300 }),
    archived: fc.boolean(),
  },
  { requiredKeys: ['name'] },
);
const brewPatch = fc.record(
  {
    bagId: fc.constantFrom(ids.aBag, ids.bBag),
    method: fc.constantFrom('espresso', 'pour_over', 'moka'),
    doseG: fc.integer({ min: 1, max: 1000 }).map((n) => n / 10),
    rating: fc.integer({ min: 0, max: 10 }).map((n) => n / 2),
    grindSetting: text(32),
  },
  { requiredKeys: ['bagId'] },
);
// One well-formed mutation in five gets one field overwritten with something else.
const corruption = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.tuple(fieldName, fieldValue) },
);
const wellFormedMutation = fc
  .tuple(
    fc.oneof(
      fc.tuple(fc.constant('bag' as const), bagPatch),
      fc.tuple(fc.constant('brew' as const), brewPatch),
    ),
    fc.oneof(fc.uuid(), fc.constantFrom(ids.aBag, ids.aBrew, ids.bBag, ids.bBrew)),
    fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: -60_000, max: 60_000 }) },
      { weight: 1, arbitrary: fc.constant(100 * YEAR_MS) },
    ),
    corruption,
  )
  .map(([[entity, patch], rowId, offset, corrupt]) => ({
    id: randomUUID(),
    entity,
    rowId,
    hlc: hlcAt(Date.now() + offset),
    patch: corrupt === null ? patch : { ...patch, [corrupt[0]]: corrupt[1] },
  }));
const mutationArb = fc.oneof(
  { weight: 5, arbitrary: wellFormedMutation },
  { weight: 1, arbitrary: chaoticMutation },
);
const cookieArb = fc.oneof(
  { weight: 8, arbitrary: fc.constant('A') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('C', 'none', 'dialin_session=forged', 'dialin_session='),
  },
);
const cookieOf = (which: string) =>
  which === 'A' ? a.cookie : which === 'C' ? c.cookie : which === 'none' ? undefined : which;

function pushRequest(
  cookie: string | undefined,
  payload: unknown,
  contentType = 'application/json',
) {
  return fuzz.send({
    method: 'POST',
    url: '/api/sync/push',
    headers: { 'content-type': contentType, ...(cookie === undefined ? {} : { cookie }) },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

describe('fuzzing POST /api/sync/push', () => {
  it('survives any JSON body', async () => {
    await fc.assert(
      fc.asyncProperty(anyJson, cookieArb, async (body, who) => {
        await pushRequest(cookieOf(who), body === undefined ? 'null' : body);
      }),
      { numRuns: runs(700) },
    );
  });

  it('survives broken, deeply nested and wrongly typed raw bodies', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, async ({ payload, contentType }) => {
        await pushRequest(a.cookie, payload, contentType);
      }),
      { numRuns: runs(500) },
    );
  });

  it('survives pushes with every field fuzzed, and never touches another account', async () => {
    const body = fc.record(
      {
        accountId: fc.oneof(
          { weight: 6, arbitrary: fc.constant('A') },
          { weight: 1, arbitrary: fc.constantFrom('B', 'C') },
          { weight: 1, arbitrary: fc.oneof(fc.uuid(), anyJson) },
        ),
        deviceId: fc.oneof(
          { weight: 5, arbitrary: fc.constant('fuzzdev') },
          { weight: 1, arbitrary: anyJson },
        ),
        schemaVersion: fc.oneof(
          { weight: 6, arbitrary: fc.constant(PROTOCOL_VERSION) },
          { weight: 1, arbitrary: fc.oneof(fc.integer(), anyJson) },
        ),
        mutations: fc.oneof(
          { weight: 8, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) },
          { weight: 1, arbitrary: anyJson },
        ),
        extra: fc.oneof(
          { weight: 12, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: anyJson },
        ),
      },
      { requiredKeys: ['accountId', 'deviceId', 'schemaVersion', 'mutations'] },
    );
    await fc.assert(
      fc.asyncProperty(body, cookieArb, async (raw, who) => {
        const accountId =
          raw.accountId === 'A'
            ? a.accountId
            : raw.accountId === 'B'
              ? b.accountId
              : raw.accountId === 'C'
                ? c.accountId
                : raw.accountId;
        const response = await pushRequest(cookieOf(who), { ...raw, accountId });
        if (accountId === b.accountId) expect(response.statusCode).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: runs(2400) },
    );
  });

  it('refuses a clock a century ahead with clock_ahead naming the mutation, writing nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 99, max: 101, noNaN: true }),
        fc.uuid(),
        async (index, years, rowId) => {
          const now = Date.now();
          const mutations = Array.from({ length: 5 }, () =>
            mutation('bag', randomUUID(), hlcAt(now), newBag()),
          );
          const bad = mutation(
            'bag',
            rowId,
            hlcAt(now + years * YEAR_MS),
            newBag('From the future'),
          );
          mutations[index] = bad;
          const response = await pushRequest(a.cookie, pushBody(a.accountId, 'fuzzdev', mutations));
          expect(response.statusCode).toBe(409);
          expect(response.json()).toMatchObject({
            code: 'clock_ahead',
            details: { index, mutationId: bad.id },
          });
        },
      ),
      { numRuns: runs(200) },
    );
  });

  it('lets no push through A’s session reach B’s rows, even naming their ids', async () => {
    const patch = fc.oneof(
      fc.constant(newBag('overwritten by A')),
      fc.constant({ notes: 'A was here' }),
      fc.constant({ deletedAt: '2026-11-26T08:00:00Z' }),
      fc.constant(newBrew(ids.bBag)),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(ids.bBag, ids.bBrew),
        fc.constantFrom('bag', 'brew') as fc.Arbitrary<'bag' | 'brew'>,
        patch,
        async (rowId, entity, p) => {
          await pushRequest(
            a.cookie,
            pushBody(a.accountId, 'fuzzdev', [
              mutation(entity, rowId, hlcAt(Date.now() + 1000), p),
            ]),
          );
          expect(await bDump()).toBe(bState);
        },
      ),
      { numRuns: runs(300) },
    );
  });

  it('stores SQL-looking strings verbatim, or refuses them whole', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        const rowId = randomUUID();
        const name = text.trim() === '' ? `x${text}` : text;
        const response = await pushRequest(
          a.cookie,
          pushBody(a.accountId, 'fuzzdev', [
            mutation('bag', rowId, hlcAt(Date.now()), { name, notes: text }),
          ]),
        );
        const row = await t.db
          .selectFrom('bag')
          .select(['name', 'notes'])
          .where('id', '=', rowId)
          .executeTakeFirst();
        if (response.statusCode === 200) expect(row).toEqual({ name, notes: text });
        else expect(row).toBeUndefined();
      }),
      { numRuns: runs(300) },
    );
  });

  it('refuses oversized pushes with payload_too_large or a named limit', async () => {
    const before = await digest(t.db);
    const now = hlcAt(Date.now());
    const tooMany = Array.from({ length: LIMITS.pushMutations + 1 }, () =>
      mutation('bag', randomUUID(), now, newBag()),
    );
    const many = await pushRequest(a.cookie, pushBody(a.accountId, 'fuzzdev', tooMany));
    expect(many.json()).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
    const huge = await pushRequest(
      a.cookie,
      pushBody(a.accountId, 'fuzzdev', [
        mutation('bag', randomUUID(), now, { name: 'x', notes: 'n'.repeat(1_100_000) }),
      ]),
    );
    expect(huge.json()).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
    const long = await pushRequest(
      a.cookie,
      pushBody(a.accountId, 'fuzzdev', [
        mutation('bag', randomUUID(), now, { name: 'x', notes: 'n'.repeat(2001) }),
      ]),
    );
    expect(long.json()).toMatchObject({
      statusCode: 400,
      code: 'validation_failed',
      details: { field: 'notes' },
    });
    expect(await digest(t.db)).toBe(before);
    expect(fuzz.sent).toBeGreaterThanOrEqual(runs(4400));
  });
});
