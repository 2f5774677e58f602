import { describe, expect, it } from 'vitest';
import { parseHash } from './router.js';

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
