import Type, { type Static } from 'typebox';

export const HealthResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')], {
      description: 'ok (200) when the database answers; unavailable (503) otherwise.',
    }),
    database: Type.Boolean({ description: 'Whether the database answered a query just now.' }),
    migration: Type.Union([Type.String(), Type.Null()], {
      description: 'The name of the newest applied migration.',
    }),
    protocolVersion: Type.Integer({ description: 'The wire protocol version served.' }),
  },
  { $id: 'HealthResponse', additionalProperties: false },
);
export type HealthResponse = Static<typeof HealthResponse>;
