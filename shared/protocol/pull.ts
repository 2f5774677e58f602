import Type, { type Static, type TSchema } from 'typebox';
import { ENTITIES, ENTITY_PLURALS, type Entity, type EntityPlural } from '../model/entities.js';
import { LIMITS } from './limits.js';
import { ROW_SCHEMAS, type RowFor } from './rows.js';

/**
 * The key of each entity's rows in a pull page: its plural (ENTITY_PLURALS). Every list of a
 * page's rows (the schema, the server's JSON, the client's check and store) derives from this
 * record and ENTITIES, so a new entity cannot be left out of one of them.
 */
export const PULL_KEYS = ENTITY_PLURALS;
export type PullKey = EntityPlural;

const ROWS_DESCRIPTION: Record<Entity, string> = {
  bag: 'Changed bags in this page.',
  brew: 'Changed brews in this page.',
  photo: 'Changed photos in this page (metadata; bytes by GET of their hash).',
  recipe: 'Changed recipes (bag targets) in this page.',
  grinder: 'Changed grinders in this page.',
  brewer: 'Changed brewers in this page.',
};

export const PullQuery = Type.Object(
  {
    cursor: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Opaque; from the previous page. Absent: from the start.',
      }),
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: LIMITS.pullPageMax,
        default: LIMITS.pullPageDefault,
        description: 'Rows in this page, at most.',
      }),
    ),
  },
  { $id: 'PullQuery', additionalProperties: false },
);
export type PullQuery = Static<typeof PullQuery>;

/**
 * One page of the account's rows changed after the cursor, tombstones included, in
 * (version, entity, id) order. Store the rows and `cursor` in one local transaction.
 */
const pageRows: Record<string, TSchema> = Object.fromEntries(
  ENTITIES.map((entity) => [
    PULL_KEYS[entity],
    Type.Array(ROW_SCHEMAS[entity], { description: ROWS_DESCRIPTION[entity] }),
  ]),
);

/** A page's rows, one list per entity under its PULL_KEYS key. */
export type PullRows = { [E in Entity as (typeof PULL_KEYS)[E]]: RowFor<E>[] };

export type PullResponse = PullRows & {
  serverTime: number;
  cursor: string;
  hasMore: boolean;
  remaining: number;
};

// Unsafe<PullResponse> only fixes the static type (keys built from a record infer loosely).
export const PullResponse = Type.Unsafe<PullResponse>(
  Type.Object(
    {
      serverTime: Type.Number({ description: 'Server wall clock (ms) for clock correction.' }),
      ...pageRows,
      cursor: Type.String({
        description: 'Opaque; send it to get the next page or later changes.',
      }),
      hasMore: Type.Boolean({ description: 'Whether another page follows right away.' }),
      remaining: Type.Integer({ minimum: 0, description: 'Rows after this page, for progress.' }),
    },
    { $id: 'PullResponse', additionalProperties: false },
  ),
);
