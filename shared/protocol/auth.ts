import Type, { type Static } from 'typebox';
import { UUID_PATTERN } from '../model/validate.js';

/** Sign-up and log-in body. Email is case-insensitive. */
export const Credentials = Type.Object(
  {
    email: Type.String({ format: 'email', minLength: 3, maxLength: 254, description: 'Any case.' }),
    password: Type.String({ minLength: 8, maxLength: 200, description: '8 to 200 characters.' }),
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

/**
 * An unpaired UTF-16 surrogate. Such a string has no UTF-8 form: encoding replaces each one
 * with U+FFFD, so `abc\ud800defgh` and `abc\udc00defgh` would hash alike.
 */
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether a password can be typed and hashed as it is: no unpaired surrogates. */
export function isWellFormedPassword(password: string): boolean {
  return !LONE_SURROGATE.test(password);
}

/**
 * Why a new password is refused, or null: the rule the sign-up form and the server share
 * (the server also refuses the most common passwords, a list only it ships).
 */
export function passwordProblem(password: string): string | null {
  const characters = [...password].length;
  if (characters < 8) return 'The password needs at least 8 characters.';
  if (characters > 200) return 'The password must be at most 200 characters.';
  if (!isWellFormedPassword(password)) {
    return 'The password contains a broken character (an unpaired surrogate); type it again.';
  }
  return null;
}
