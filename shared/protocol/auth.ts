import Type, { type Static } from 'typebox';
import { UUID_PATTERN } from '../model/validate.js';
import { PASSWORD_LENGTH } from './auth-rules.js';

export {
  isWellFormedPassword,
  normalizeEmail,
  PASSWORD_LENGTH,
  passwordLength,
  passwordProblem,
} from './auth-rules.js';

/** Sign-up and log-in body. Email is case-insensitive. */
export const Credentials = Type.Object(
  {
    email: Type.String({ format: 'email', minLength: 3, maxLength: 254, description: 'Any case.' }),
    password: Type.String({
      minLength: PASSWORD_LENGTH.min,
      maxLength: PASSWORD_LENGTH.max,
      description: `${PASSWORD_LENGTH.min} to ${PASSWORD_LENGTH.max} characters.`,
    }),
  },
  { $id: 'Credentials', additionalProperties: false },
);
export type Credentials = Static<typeof Credentials>;

export const Account = Type.Object(
  {
    id: Type.String({ pattern: UUID_PATTERN, description: 'The account id; pushes carry it.' }),
    email: Type.String({ description: 'Lower-cased.' }),
  },
  { $id: 'Account', additionalProperties: false },
);
export type Account = Static<typeof Account>;

/** Reply to signup, login and me: the signed-in account. The session is an HttpOnly cookie. */
export const SessionResponse = Type.Object(
  { account: Account, serverTime: Type.Number({ description: 'Server wall clock (ms).' }) },
  { $id: 'SessionResponse', additionalProperties: false },
);
export type SessionResponse = Static<typeof SessionResponse>;

export const LogoutResponse = Type.Object(
  { ok: Type.Literal(true, { description: 'The session is revoked (or was already).' }) },
  { $id: 'LogoutResponse', additionalProperties: false },
);
export type LogoutResponse = Static<typeof LogoutResponse>;
