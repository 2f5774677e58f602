import fc from 'fast-check';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { Credentials } from './auth.js';
import { normalizeEmail, PASSWORD_LENGTH, passwordLength } from './auth-rules.js';

describe('normalizeEmail', () => {
  it('is idempotent and ignores case and surrounding spaces', () => {
    fc.assert(
      fc.property(fc.emailAddress(), fc.constantFrom('', ' ', '\t', '  '), (email, pad) => {
        const normal = normalizeEmail(email);
        expect(normalizeEmail(normal)).toBe(normal);
        expect(normalizeEmail(`${pad}${email.toUpperCase()}${pad}`)).toBe(normal);
      }),
    );
  });
});

describe('the password rule', () => {
  const schema = Compile(Credentials.properties.password);
  // Lengths around both limits, with characters of one and two UTF-16 units.
  const nearLimits = fc
    .oneof(
      fc.integer({ min: 0, max: PASSWORD_LENGTH.min + 2 }),
      fc.integer({ min: PASSWORD_LENGTH.max - 2, max: PASSWORD_LENGTH.max + 2 }),
    )
    .chain((n) =>
      fc.array(fc.constantFrom('a', ' ', 'é', '☕', '😀', '\u{10FFFF}'), {
        minLength: n,
        maxLength: n,
      }),
    )
    .map((chars) => chars.join(''));
  const password = fc.oneof(nearLimits, fc.string({ unit: 'binary', maxLength: 220 }));

  it('passes exactly the passwords the server schema accepts', () => {
    fc.assert(
      fc.property(password, (p) => {
        const length = passwordLength(p);
        const withinRule = length >= PASSWORD_LENGTH.min && length <= PASSWORD_LENGTH.max;
        expect(withinRule, JSON.stringify(p)).toBe(schema.Check(p));
      }),
      { numRuns: 2_000 },
    );
  });

  it('counts code points: four emoji are four characters, not eight', () => {
    expect(passwordLength('😀😀😀😀')).toBe(4);
    expect(schema.Check('😀😀😀😀')).toBe(false);
  });
});
