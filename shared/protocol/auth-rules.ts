/**
 * The account rules both sides apply, kept apart from auth.ts (which re-exports them) so
 * that the client can import them without bundling TypeBox.
 */

/** Emails are stored and compared trimmed and lower-cased: `A@x.io ` and `a@x.io` are one account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The password rule: the server's schema enforces it, the form checks it before sending. */
export const PASSWORD_LENGTH = { min: 8, max: 200 } as const;

/**
 * A password's length as the rule counts it: Unicode code points, as JSON Schema's
 * minLength and maxLength do (an emoji is one, though `.length` says two).
 */
export function passwordLength(password: string): number {
  return [...password].length;
}

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
  const characters = passwordLength(password);
  if (characters < PASSWORD_LENGTH.min) {
    return `The password needs at least ${PASSWORD_LENGTH.min} characters.`;
  }
  if (characters > PASSWORD_LENGTH.max) {
    return `The password must be at most ${PASSWORD_LENGTH.max} characters.`;
  }
  if (!isWellFormedPassword(password)) {
    return 'The password contains a broken character (an unpaired surrogate); type it again.';
  }
  return null;
}
