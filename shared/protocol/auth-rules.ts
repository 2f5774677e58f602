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
