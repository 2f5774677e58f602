import fc from 'fast-check';
import Type, { type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ERROR_CODES, isErrorBody } from '../../../shared/protocol/error-codes.js';
import { ErrorBody } from '../../../shared/protocol/errors.js';
import { PullResponse } from '../../../shared/protocol/pull.js';
import { PushResponse } from '../../../shared/protocol/push.js';
import { arbitraryOf, type Overrides } from '../../test-support/schema-arbitrary.js';
import {
  isPageMessage,
  isWorkerBroadcast,
  type PageMessage,
  type WorkerBroadcast,
} from '../pwa/messages.js';
import { isPullPage } from './pull-pages.js';
import { isPushResponse } from './push.js';

/**
 * The client checks replies and messages by hand, so that TypeBox stays out of its bundles.
 * Each checker is held to the compiled schema here: it accepts every value the schema
 * accepts (from values generated out of the schema), it refuses every value whose checked
 * fields are corrupted, and anything it refuses the schema refuses too.
 */

const RUNS = { numRuns: 500 };

const jsonType = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** A JSON value of another type than `value` (what a proxy, a portal or a bug may send). */
const wrongTypeFor = (value: unknown) =>
  fc.jsonValue().filter((other) => jsonType(other) !== jsonType(value));

/** The valid value with one of `fields` removed or given a value of the wrong type. */
function corrupted(valid: fc.Arbitrary<unknown>, fields: readonly string[]) {
  return valid.chain((value) => {
    const object = value as Record<string, unknown>;
    return fc.constantFrom(...fields).chain((field) =>
      fc.oneof(
        fc.constant({ ...object, [field]: undefined }),
        wrongTypeFor(object[field]).map((wrong) => ({ ...object, [field]: wrong })),
      ),
    );
  });
}

/** Arbitrary values: anything JSON, and objects carrying some of the schema's field names. */
function noise(fields: readonly string[]) {
  return fc.oneof(
    fc.jsonValue(),
    fc.dictionary(fc.constantFrom(...fields), fc.jsonValue(), { maxKeys: fields.length }),
  );
}

interface Case {
  name: string;
  schema: TSchema;
  check: (value: unknown) => boolean;
  /** The fields the checker looks at: corrupting any of them must make it refuse. */
  checked: readonly string[];
  overrides?: Overrides;
  /** Where the checker is deliberately stricter than the schema, the reason it may refuse. */
  stricter?: (value: unknown) => boolean;
}

const hlc = fc.stringMatching(/^\d{15}-\d{5}-[A-Za-z0-9_-]{1,64}$/);
const isHlc = (text: unknown) =>
  typeof text === 'string' && /^\d{15}-\d{5}-[A-Za-z0-9_-]{1,64}$/.test(text);
const rowsOf = (value: unknown): unknown[] => {
  const page = value as { bags?: unknown; brews?: unknown };
  return [page.bags, page.brews].flatMap((rows) => (Array.isArray(rows) ? rows : []));
};

const CASES: Case[] = [
  {
    name: 'isErrorBody',
    schema: ErrorBody,
    check: isErrorBody,
    checked: ['statusCode', 'code', 'message'],
  },
  {
    name: 'isPushResponse',
    schema: PushResponse,
    check: isPushResponse,
    checked: ['serverTime', 'applied'],
  },
  {
    name: 'isPullPage',
    schema: PullResponse,
    check: isPullPage,
    checked: ['serverTime', 'cursor', 'hasMore', 'remaining', 'bags', 'brews'],
    // The server sends only HLCs (it refuses a push with any other clock).
    overrides: { clocks: fc.dictionary(fc.string({ maxLength: 12 }), hlc, { maxKeys: 4 }) },
    // A clock that is not an HLC would be merged wrongly: the client refuses the page.
    stricter: (value) =>
      rowsOf(value).some((row) =>
        Object.values((row as { clocks?: object }).clocks ?? {}).some((clock) => !isHlc(clock)),
      ),
  },
];

describe.each(CASES)('$name against its TypeBox schema', (c) => {
  const compiled = Compile(c.schema);
  const valid = arbitraryOf(c.schema, c.overrides);

  it('accepts every value the schema accepts', () => {
    fc.assert(
      fc.property(valid, (value) => {
        expect(compiled.Check(value), 'the generator makes valid values').toBe(true);
        expect(c.check(value)).toBe(true);
      }),
      RUNS,
    );
  });

  it('refuses a value whose checked fields are missing or of the wrong type', () => {
    fc.assert(
      fc.property(corrupted(valid, c.checked), (value) => {
        expect(compiled.Check(value)).toBe(false);
        expect(c.check(value)).toBe(false);
      }),
      RUNS,
    );
  });

  it('refuses nothing the schema accepts, except where it is stricter on purpose', () => {
    fc.assert(
      fc.property(fc.oneof(valid, noise(c.checked)), (value) => {
        if (!c.check(value) && compiled.Check(value)) {
          expect(c.stricter?.(value), JSON.stringify(value)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe('isErrorBody and the closed set of codes', () => {
  it('refuses any code outside ERROR_CODES, names of Object.prototype included', () => {
    const compiled = Compile(ErrorBody);
    const notACode = fc
      .oneof(fc.constantFrom('constructor', 'toString', '__proto__', 'hasOwnProperty'), fc.string())
      .filter((code) => !Object.hasOwn(ERROR_CODES, code));
    fc.assert(
      fc.property(arbitraryOf(ErrorBody), notACode, (body, code) => {
        const value = { ...(body as object), code };
        expect(compiled.Check(value)).toBe(false);
        expect(isErrorBody(value)).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('isPullPage and the rows it stores', () => {
  it('refuses a page with a row whose id or clocks are missing or malformed', () => {
    const compiled = Compile(PullResponse);
    const page = arbitraryOf(PullResponse, CASES[2]?.overrides).filter(
      (value) => rowsOf(value).length > 0,
    );
    const badRow = fc.oneof(
      fc.constant({ id: undefined }),
      fc.constant({ clocks: undefined }),
      fc.constant({ clocks: null }),
      wrongTypeFor('').map((id) => ({ id })),
      fc
        .string()
        .filter((clock) => !isHlc(clock))
        .map((clock) => ({ clocks: { name: clock } })),
    );
    fc.assert(
      fc.property(page, badRow, fc.nat(), (value, patch, at) => {
        const p = value as { bags: object[]; brews: object[] };
        const list = p.bags.length > 0 ? 'bags' : 'brews';
        const rows = [...p[list]];
        const index = at % rows.length;
        rows[index] = { ...rows[index], ...patch };
        const broken = { ...p, [list]: rows };
        expect(isPullPage(broken)).toBe(false);
        // A bad clock is one the schema lets through: the client is stricter there.
        if (!('clocks' in patch && typeof patch.clocks === 'object' && patch.clocks !== null)) {
          expect(compiled.Check(broken)).toBe(false);
        }
      }),
      RUNS,
    );
  });
});

// The page ↔ worker messages are not wire schemas; these are declared here, and tied to the
// TypeScript types by expectTypeOf, so that the guards are held to the same types.
const PageMessageSchema = Type.Union([
  Type.Object({ type: Type.Literal('replay') }),
  Type.Object({ type: Type.Literal('SKIP_WAITING') }),
  Type.Object({ type: Type.Literal('clear-queue') }),
  Type.Object({ type: Type.Literal('queue-status') }),
]);
const Ids = Type.Array(Type.String({ format: 'uuid' }));
const WorkerBroadcastSchema = Type.Union([
  Type.Object({ type: Type.Literal('queued'), mutationIds: Ids, pending: Type.Integer() }),
  Type.Object({
    type: Type.Literal('replayed'),
    acked: Ids,
    rejected: Ids,
    pending: Type.Integer(),
    stalled: Type.Boolean(),
  }),
]);

it('the message schemas are the TypeScript types (checked by tsc)', () => {
  expectTypeOf<Static<typeof PageMessageSchema>>().toEqualTypeOf<PageMessage>();
  expectTypeOf<Static<typeof WorkerBroadcastSchema>>().toEqualTypeOf<WorkerBroadcast>();
});

describe.each([
  { name: 'isPageMessage', schema: PageMessageSchema, check: isPageMessage },
  { name: 'isWorkerBroadcast', schema: WorkerBroadcastSchema, check: isWorkerBroadcast },
])('$name against the message types', ({ schema, check }) => {
  it('accepts every message of the type, and refuses anything without one of its types', () => {
    const compiled = Compile(schema);
    const types = schema.anyOf.map((option) => option.properties.type.const as string);
    fc.assert(
      fc.property(arbitraryOf(schema), (message) => {
        expect(compiled.Check(message)).toBe(true);
        expect(check(message)).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(noise(['type']), fc.string(), (value, type) => {
        const withType = typeof value === 'object' && value !== null ? { ...value, type } : value;
        if (check(value)) expect(types).toContain((value as { type: string }).type);
        if (!types.includes(type)) expect(check(withType)).toBe(false);
        if (compiled.Check(value)) expect(check(value)).toBe(true);
      }),
      RUNS,
    );
  });
});
