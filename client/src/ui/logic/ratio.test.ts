import { describe, expect, it } from 'vitest';
import { brewRatio, formatRatio, ratio } from './ratio.js';
import { stepNumber } from './step.js';

describe('ratio', () => {
  it('formats output over dose with one decimal', () => {
    expect(formatRatio(ratio(18, 36))).toBe('1:2.0');
    expect(formatRatio(ratio(15, 250))).toBe('1:16.7');
  });
  it('is unknown without a positive dose and output', () => {
    expect(ratio(0, 36)).toBeNull();
    expect(ratio(18, null)).toBeNull();
    expect(formatRatio(null)).toBe('1:–');
  });
  it('uses water for filter methods and yield for espresso', () => {
    const b = { doseG: 15, yieldG: 220, waterG: 250 };
    expect(brewRatio({ ...b, method: 'pour_over' })).toBeCloseTo(250 / 15);
    expect(brewRatio({ ...b, method: 'espresso' })).toBeCloseTo(220 / 15);
    expect(brewRatio({ ...b, method: 'pour_over', waterG: null })).toBeCloseTo(220 / 15);
  });
});

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
