import { describe, expect, it } from 'vitest';
import { stepNumber } from './step.js';

describe('stepNumber', () => {
  it('steps without floating-point drift and clamps', () => {
    let v = 18;
    for (let i = 0; i < 10; i++) v = stepNumber(v, 0.1, 0.1, 100);
    expect(v).toBe(19);
    expect(stepNumber(99.9, 0.5, 0.1, 100)).toBe(100);
    expect(stepNumber(0.1, -0.5, 0.1, 100)).toBe(0.1);
  });
  it('starts an empty value at the start value', () => {
    expect(stepNumber(null, 1, 0, 100, 18)).toBe(18);
  });
});
