import { describe, expect, it } from 'vitest';
import { isWellFormedPassword, passwordProblem } from './auth.js';

describe('passwordProblem', () => {
  it('refuses unpaired surrogates, however placed', () => {
    for (const password of [
      'abc\ud800defgh',
      'abc\udc00defgh',
      'abcdefgh\ud83d',
      '\udfffabcdefgh',
    ]) {
      expect(isWellFormedPassword(password)).toBe(false);
      expect(passwordProblem(password)).toMatch(/unpaired surrogate/);
    }
  });

  it('counts characters, not UTF-16 units, and takes paired surrogates', () => {
    expect(passwordProblem('🫘🫘🫘🫘')).toMatch(/at least 8/);
    expect(passwordProblem('🫘🫘🫘🫘🫘🫘🫘🫘')).toBeNull();
    expect(passwordProblem('correct horse battery')).toBeNull();
  });
});
