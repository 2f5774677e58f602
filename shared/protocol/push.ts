import Type, { type Static } from 'typebox';
import { ENTITIES, type Entity } from '../model/entities.js';
import { UUID_PATTERN } from '../model/validate.js';
import { LIMITS } from './limits.js';

const HLC_PATTERN = '^\\d{15}-\\d{5}-[A-Za-z0-9_-]{1,64}$';

/** One local write: the fields of one row set at one HLC. */
export const Mutation = Type.Object(
  {
    id: Type.String({
      pattern: UUID_PATTERN,
      description: 'Unique per mutation; made by the client.',
    }),
    // Unsafe<Entity> only fixes the static type (a mapped union infers `never`); the JSON
    // schema is unchanged.
    entity: Type.Unsafe<Entity>(
      Type.Union(
        ENTITIES.map((entity) => Type.Literal(entity)),
        { description: 'Which table the row lives in.' },
      ),
    ),
    rowId: Type.String({
      pattern: UUID_PATTERN,
      description: 'The row written; made by the client.',
    }),
    hlc: Type.String({ pattern: HLC_PATTERN, description: 'When it was written (HLC).' }),
    patch: Type.Record(Type.String(), Type.Unknown(), {
      minProperties: 1,
      maxProperties: 32,
      description: 'The fields written and their new values; checked per entity by validatePatch.',
    }),
  },
  { $id: 'Mutation', additionalProperties: false },
);
export type Mutation = Static<typeof Mutation>;

export const PushRequest = Type.Object(
  {
    accountId: Type.String({
      pattern: UUID_PATTERN,
      description: 'The account the mutations were written under; must be the session’s.',
    }),
    deviceId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', description: 'The sending device.' }),
    schemaVersion: Type.Integer({ minimum: 1, description: 'The protocol version spoken.' }),
    mutations: Type.Array(Mutation, {
      minItems: 1,
      maxItems: LIMITS.pushMutations,
      description: 'In the order they were made.',
    }),
  },
  { $id: 'PushRequest', additionalProperties: false },
);
export type PushRequest = Static<typeof PushRequest>;

/** 200: every mutation is durably applied (or was already). The client may drop them all. */
export const PushResponse = Type.Object(
  {
    serverTime: Type.Number({ description: 'Server wall clock (ms) for clock correction.' }),
    version: Type.Integer({ minimum: 0, description: 'The account version after this push.' }),
    applied: Type.Integer({
      minimum: 0,
      description: 'Mutations that changed something; replays count 0.',
    }),
  },
  { $id: 'PushResponse', additionalProperties: false },
);
export type PushResponse = Static<typeof PushResponse>;

/** 202 from the service worker only: the push is in the Background Sync queue. */
export const PushQueued = Type.Object(
  { queued: Type.Literal(true, { description: 'Stored for replay; not yet on the server.' }) },
  { $id: 'PushQueued', additionalProperties: false },
);
export type PushQueued = Static<typeof PushQueued>;
