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

const CurrentPassword = Type.String({
  minLength: 1,
  maxLength: PASSWORD_LENGTH.max,
  description: 'The password the account has now.',
});

/** Change password: the current one proves it is the owner, not someone at an open laptop. */
export const ChangePasswordRequest = Type.Object(
  {
    currentPassword: CurrentPassword,
    newPassword: Type.String({
      minLength: PASSWORD_LENGTH.min,
      maxLength: PASSWORD_LENGTH.max,
      description: 'Checked by the same rules as at sign-up.',
    }),
  },
  { $id: 'ChangePasswordRequest', additionalProperties: false },
);
export type ChangePasswordRequest = Static<typeof ChangePasswordRequest>;

/** Reply to a password change: this session is kept, every other one ended. */
export const PasswordChanged = Type.Object(
  { revokedSessions: Type.Integer({ minimum: 0, description: 'Other sessions ended.' }) },
  { $id: 'PasswordChanged', additionalProperties: false },
);
export type PasswordChanged = Static<typeof PasswordChanged>;

/** Delete the account and everything in it; the password confirms it. */
export const DeleteAccountRequest = Type.Object(
  { password: CurrentPassword },
  { $id: 'DeleteAccountRequest', additionalProperties: false },
);
export type DeleteAccountRequest = Static<typeof DeleteAccountRequest>;

export const AccountDeleted = Type.Object(
  { deleted: Type.Literal(true, { description: 'Nothing of the account is left to reach.' }) },
  { $id: 'AccountDeleted', additionalProperties: false },
);
export type AccountDeleted = Static<typeof AccountDeleted>;
