import Type, { type Static } from 'typebox';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';

export { ERROR_CODES, type ErrorCode, isErrorBody } from './error-codes.js';

export const ErrorBody = Type.Object(
  {
    statusCode: Type.Integer({
      minimum: 400,
      maximum: 599,
      description: 'The HTTP status, repeated.',
    }),
    code: Type.Union(
      (Object.keys(ERROR_CODES) as ErrorCode[]).map((code) => Type.Literal(code)),
      { description: 'What went wrong, from a closed set; see ERROR_CODES for what to do.' },
    ),
    message: Type.String({ description: 'For people: names the problem and the field.' }),
    details: Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description:
          'Machine-readable specifics: the mutation index and id, the field, retryAfterS.',
      }),
    ),
  },
  { $id: 'ErrorBody', additionalProperties: false },
);
// The union is built from a mapped array, which TypeBox's Static infers as `never`; the code
// is typed from ERROR_CODES instead (the JSON schema is unchanged).
export type ErrorBody = Omit<Static<typeof ErrorBody>, 'code'> & { code: ErrorCode };
