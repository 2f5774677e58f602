import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { Compile } from 'typebox/compile';
import { ENTITIES } from '../../shared/model/entities.js';
import { ERROR_CODES, ErrorBody } from '../../shared/protocol/errors.js';
import type { Database } from '../src/db/database.js';

/**
 * The fuzz suites' one check, applied to every generated request: no 5xx; a 4xx is exactly an
 * ErrorBody whose message names the problem; and a refused request changed no row of any
 * table. FUZZ_SCALE multiplies the runs (`npm run chaos` raises it); the default already
 * makes at least 10,000 requests across the fuzz files.
 */
export const FUZZ_SCALE = Number(process.env.FUZZ_SCALE || 1);
export const runs = (n: number) => Math.max(1, Math.round(n * FUZZ_SCALE));

const errorBody = Compile(ErrorBody);

/** One synced table as text, in a fixed order, for the digest. */
const tableText = (entity: string) =>
  sql`coalesce((select string_agg(t::text, '|' order by t.account_id, t.id)
    from ${sql.table(entity)} t), '') || '#' ||`;

/**
 * Everything a request could change, as one md5: accounts, sessions, every synced table
 * (from ENTITIES) and photo bytes. One statement, however many entities there are.
 */
export async function digest(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ digest: string }>`
    select md5(
      coalesce((select string_agg(a::text, '|' order by a.id) from accounts a), '') || '#' ||
      coalesce((select string_agg(s::text, '|' order by s.id) from sessions s), '') || '#' ||
      ${sql.join(ENTITIES.map(tableText), sql` `)}
      coalesce((select string_agg(y.account_id || y.hash || y.uploaded_at::text, '|'
        order by y.account_id, y.hash) from photo_bytes y), '')
    ) as digest
  `.execute(db);
  return rows[0]?.digest ?? '';
}

/** Why a 4xx body does not pass, or undefined when it does. */
export function errorBodyProblem(response: LightMyRequestResponse): string | undefined {
  let body: unknown;
  try {
    body = response.json();
  } catch {
    return `not JSON: ${response.body.slice(0, 200)}`;
  }
  if (!errorBody.Check(body)) return `not an ErrorBody: ${response.body.slice(0, 300)}`;
  const { statusCode, code, message, details } = body as ErrorBody;
  if (statusCode !== response.statusCode)
    return `statusCode ${statusCode} ≠ HTTP ${response.statusCode}`;
  if (!(code in ERROR_CODES)) return `unknown code ${code}`;
  // "Names its problem": a sentence, not a bare status; a named field appears in it.
  if (message.trim().length < 12 || /^(bad request|error)\.?$/i.test(message.trim())) {
    return `message does not name the problem: ${JSON.stringify(message)}`;
  }
  const field = details?.field;
  if (typeof field === 'string' && field !== '') {
    const last = field.split('.').at(-1)?.split(', ')[0] ?? field;
    if (!message.includes(last))
      return `message ${JSON.stringify(message)} does not name field ${field}`;
  }
  return undefined;
}

export interface Fuzzer {
  /** Sends one request and checks it; returns the response for extra checks. */
  send(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Requests sent so far by this fuzzer. */
  readonly sent: number;
  readonly statuses: Map<number, number>;
}

export function createFuzzer(app: FastifyInstance, db: Kysely<Database>): Fuzzer {
  let known: string | undefined;
  let sent = 0;
  const statuses = new Map<number, number>();
  return {
    get sent() {
      return sent;
    },
    statuses,
    async send(options) {
      // The digest of the last request's end is the state before this one: the suites send
      // one request at a time and nothing else writes.
      known ??= await digest(db);
      const response = await app.inject(options);
      sent += 1;
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      const what = `${options.method} ${String(options.url)} → ${response.statusCode}`;
      if (response.statusCode >= 500) throw new Error(`${what}: ${response.body.slice(0, 300)}`);
      if (response.statusCode >= 400) {
        const problem = errorBodyProblem(response);
        if (problem !== undefined) throw new Error(`${what}: ${problem}`);
        const after = await digest(db);
        if (after !== known) throw new Error(`${what}: a refused request changed the database`);
      } else {
        known = await digest(db);
      }
      return response;
    },
  };
}

/** Strings an attacker tries: SQL, JSON and path tricks, odd Unicode, prototype keys. */
export const hostileString = fc.oneof(
  fc.constantFrom(
    "'; drop table brew; --",
    "' or '1'='1",
    '" or ""="',
    '1; select pg_sleep(10)',
    "') union select password_hash from accounts --",
    '$$; delete from accounts; $$',
    '\\x00',
    '\u0000',
    '\ud800',
    '__proto__',
    'constructor',
    '../../etc/passwd',
    '%00',
    ['$', '{7*7}'].join(''), // a template-injection probe, spelled so it is not one here
    '<script>alert(1)</script>',
    '\u202e\u0645',
    'null',
    'NaN',
    '',
    ' ',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Any JSON value, wrongly typed for whatever field it lands in. */
export const anyJson = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
  fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53, 0.1, true, false, null, [], {}),
);

/** A JSON text nested `depth` levels deep, as arrays or objects. */
export function deeplyNested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** The bodies no schema expects: broken JSON, deep nesting, wrong content types, huge. */
export const rawBody = fc.oneof(
  fc.record({
    payload: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('{', '{"a":', '[1,]', '{"__proto__":{"x":1}}', 'nul', '"str"', '1e999', ''),
    ),
    contentType: fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      'multipart/form-data; boundary=x',
      undefined,
    ),
  }),
  fc.record({
    payload: fc
      .tuple(
        fc.integer({ min: 1, max: 20_000 }),
        fc.constantFrom('array' as const, 'object' as const),
      )
      .map(([d, k]) => deeplyNested(d, k)),
    contentType: fc.constant('application/json'),
  }),
);
