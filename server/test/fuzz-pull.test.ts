import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeHlc } from '../../shared/hlc.js';
import type { PullResponse } from '../../shared/protocol/pull.js';
import { anyJson, createFuzzer, type Fuzzer, hostileString, runs } from './fuzz-harness.js';
import { createTestApp, signUp, type TestApp } from './support/test-app.js';
import { mutation, newBag, newBrew, pullAll, pushBody, pushOk } from './sync-helpers.js';

// GET /api/sync/pull with forged cursors, other accounts' cursors and any limit: never a 5xx,
// a named 4xx, and a 200 only ever carries the caller's own rows.
let t: TestApp;
let fuzz: Fuzzer;
let a: { cookie: string; accountId: string };
let b: { cookie: string; accountId: string };
const aIds = new Set<string>();
let bCursors: string[] = [];
let aCursors: string[] = [];
const SECRET = `B secret ${randomUUID()}`;

beforeAll(async () => {
  t = await createTestApp();
  [a, b] = [await signUp(t.app), await signUp(t.app)];
  const hlc = (n: number) => serializeHlc({ millis: Date.now(), counter: n, node: 'seed' });
  for (const [who, name] of [
    [a, 'A bag'],
    [b, SECRET],
  ] as const) {
    for (let push = 0; push < 3; push += 1) {
      const bag = randomUUID();
      const rows = [mutation('bag', bag, hlc(push), newBag(name))];
      for (let i = 0; i < 4; i += 1)
        rows.push(mutation('brew', randomUUID(), hlc(push), newBrew(bag)));
      if (who === a) for (const m of rows) aIds.add(m.rowId);
      await pushOk(t.app, who.cookie, pushBody(who.accountId, 'seed', rows));
    }
  }
  // Real cursors of both accounts, page by page.
  aCursors = (await pullAll(t.app, a.cookie, { limit: 4 })).pages.map((p) => p.cursor);
  bCursors = (await pullAll(t.app, b.cookie, { limit: 4 })).pages.map((p) => p.cursor);
  fuzz = createFuzzer(t.app, t.db);
});
afterAll(async () => {
  console.log(
    `fuzz pull: ${fuzz.sent} requests, statuses ${JSON.stringify(Object.fromEntries(fuzz.statuses))}`,
  );
  await t.close();
});

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const tag = (id: string) => id.replaceAll('-', '').slice(0, 8);

/** Cursors that look like ours, with one part wrong (or right). */
const forgedCursor = fc
  .record({
    prefix: fc.constantFrom('c1', 'c2', '', 'C1'),
    tag: fc.oneof(fc.constant('A'), fc.constant('B'), fc.string({ maxLength: 10 })),
    version: fc.oneof(
      fc.integer({ min: 0, max: 10 }).map(String),
      fc.constantFrom(
        '-1',
        '01',
        '1e3',
        '9007199254740993',
        '99999999999999999999',
        '',
        'NaN',
        ' 1',
      ),
      fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
    ),
    entity: fc.constantFrom('bag', 'brew', 'photo', '', 'BAG'),
    id: fc.oneof(fc.uuid(), fc.constant(''), hostileString),
    extra: fc.constantFrom('', ':x', '::'),
  })
  .map((c) => {
    const accountTag = c.tag === 'A' ? tag(a.accountId) : c.tag === 'B' ? tag(b.accountId) : c.tag;
    return b64(`${c.prefix}:${accountTag}:${c.version}:${c.entity}:${c.id}${c.extra}`);
  });

const cursorArb = fc.oneof(
  { weight: 4, arbitrary: forgedCursor },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 80 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 190, maxLength: 260 }) },
  {
    weight: 2,
    arbitrary: fc
      .constant('B')
      .map(() => bCursors[Math.floor(Math.random() * bCursors.length)] ?? ''),
  },
  {
    weight: 2,
    arbitrary: fc
      .constant('A')
      .map(() => aCursors[Math.floor(Math.random() * aCursors.length)] ?? ''),
  },
);
const limitArb = fc.oneof(
  fc.integer({ min: -5, max: 1100 }).map(String),
  fc.constantFrom('', '1.5', '1e3', 'abc', '0x10', '-0', ' 5', '5 ', 'null', '[]'),
  hostileString,
);

/** Percent-encodes the UTF-8 bytes (lone surrogates included, which encodeURIComponent refuses). */
const percent = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');

function checkOwnRows(body: string): void {
  const page = JSON.parse(body) as PullResponse;
  for (const row of [...page.bags, ...page.brews]) expect(aIds.has(row.id)).toBe(true);
  expect(body).not.toContain(SECRET);
}

describe('fuzzing GET /api/sync/pull', () => {
  it('answers any cursor and limit with A’s own rows or a named 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(cursorArb, { nil: undefined }),
        fc.option(limitArb, { nil: undefined }),
        async (cursor, limit) => {
          const params = new URLSearchParams();
          if (cursor !== undefined) params.set('cursor', cursor);
          if (limit !== undefined) params.set('limit', limit);
          const response = await fuzz.send({
            method: 'GET',
            url: `/api/sync/pull?${params}`,
            headers: { cookie: a.cookie },
          });
          if (response.statusCode === 200) checkOwnRows(response.body);
          if (limit === undefined && cursor !== undefined && bCursors.includes(cursor)) {
            expect(response.json()).toMatchObject({ statusCode: 400, code: 'invalid_cursor' });
          }
        },
      ),
      { numRuns: runs(1800) },
    );
  });

  it('answers raw, repeated and unknown query parameters and forged cookies', async () => {
    const query = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc
        .array(
          fc.tuple(
            fc.constantFrom('cursor', 'limit', 'since', '__proto__', 'cursor[]', 'limit[a]'),
            fc.string({ maxLength: 30 }),
          ),
          { maxLength: 4 },
        )
        .map((pairs) =>
          pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'),
        ),
    );
    const cookie = fc.oneof(
      { weight: 4, arbitrary: fc.constant(() => a.cookie) },
      {
        weight: 1,
        arbitrary: hostileString.map((s) => () => `dialin_session=${percent(s)}`),
      },
      {
        weight: 1,
        arbitrary: anyJson.map(
          (j) => () => `dialin_session=${encodeURIComponent(JSON.stringify(j) ?? '')}`,
        ),
      },
    );
    await fc.assert(
      fc.asyncProperty(query, cookie, async (q, cookieOf) => {
        const response = await fuzz.send({
          method: 'GET',
          url: `/api/sync/pull?${q}`,
          headers: { cookie: cookieOf() },
        });
        if (response.statusCode === 200) checkOwnRows(response.body);
      }),
      { numRuns: runs(800) },
    );
    expect(fuzz.sent).toBeGreaterThanOrEqual(runs(2600));
  });
});
