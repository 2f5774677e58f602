import { describe, expect, it } from 'vitest';
import { matches, parseHash } from './router.js';

describe('parseHash', () => {
  it('reads name, id and params', () => {
    const r = parseHash('#/log?bag=abc&method=espresso');
    expect(r.name).toBe('log');
    expect(r.id).toBeNull();
    expect(r.params.get('bag')).toBe('abc');
    expect(parseHash('#/bag/123').id).toBe('123');
    expect(parseHash('').name).toBe('');
  });
});

describe('matches', () => {
  it('needs the first segment, and an id where the pattern has one', () => {
    expect(matches('bag/:id', parseHash('#/bag/123'))).toBe(true);
    expect(matches('bag/:id', parseHash('#/bag'))).toBe(false);
    expect(matches('bag', parseHash('#/bag/123'))).toBe(true);
    expect(matches('bags', parseHash('#/bag/123'))).toBe(false);
    expect(matches('', parseHash('#/'))).toBe(true);
  });
});
