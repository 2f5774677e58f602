import Type, { type Static } from 'typebox';
import { LIMITS } from './limits.js';
import { BagRow, BrewRow, PhotoRow } from './rows.js';

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
export const PullResponse = Type.Object(
  {
    serverTime: Type.Number({ description: 'Server wall clock (ms) for clock correction.' }),
    bags: Type.Array(BagRow, { description: 'Changed bags in this page.' }),
    brews: Type.Array(BrewRow, { description: 'Changed brews in this page.' }),
    photos: Type.Array(PhotoRow, {
      description: 'Changed photos in this page (metadata; bytes by GET of their hash).',
    }),
    cursor: Type.String({ description: 'Opaque; send it to get the next page or later changes.' }),
    hasMore: Type.Boolean({ description: 'Whether another page follows right away.' }),
    remaining: Type.Integer({ minimum: 0, description: 'Rows after this page, for progress.' }),
  },
  { $id: 'PullResponse', additionalProperties: false },
);
export type PullResponse = Static<typeof PullResponse>;
