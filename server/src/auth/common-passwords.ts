import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The most common passwords, most common first: zxcvbn-ts's `passwords-common` list
 * (@zxcvbn-ts/language-common, MIT; compiled from leaked-password frequency lists), about
 * 49,000 entries, all lower case. Built once, when the server starts.
 */
const COMMON = new Set(dictionary['passwords-common']);

/** Whether the password, in any case, is on the list. */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.normalize('NFKC').toLowerCase());
}
