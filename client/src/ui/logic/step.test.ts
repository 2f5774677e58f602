import { describe, expect, it } from 'vitest';
import { HOLD_FIRST_MS, HOLD_FLOOR_MS, holdDelay, stepNumber, stepWhole } from './step.js';

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

describe('holdDelay', () => {
  it('waits before the first repeat, then speeds up to a floor', () => {
    const schedule = Array.from({ length: 14 }, (_, i) => holdDelay(i));
    expect(schedule.slice(0, 4)).toEqual([HOLD_FIRST_MS, 200, 160, 128]);
    for (let i = 2; i < schedule.length; i++) {
      expect(schedule[i]).toBeLessThanOrEqual(schedule[i - 1] as number);
    }
    expect(schedule.at(-1)).toBe(HOLD_FLOOR_MS);
    expect(holdDelay(1000)).toBe(HOLD_FLOOR_MS);
  });
  it('makes a one-second hold worth several steps, not one', () => {
    let elapsed = 0;
    let repeats = 0;
    while (elapsed + holdDelay(repeats) <= 1000) elapsed += holdDelay(repeats++);
    expect(repeats).toBeGreaterThanOrEqual(4);
  });
});

describe('stepWhole', () => {
  it('lands on whole grams either way', () => {
    expect(stepWhole(18.3, 1, 0.1, 100, 18)).toBe(19);
    expect(stepWhole(18.3, -1, 0.1, 100, 18)).toBe(18);
    expect(stepWhole(18, 1, 0.1, 100, 18)).toBe(19);
    expect(stepWhole(18, -1, 0.1, 100, 18)).toBe(17);
  });
  it('clamps, and starts an empty value at the start', () => {
    expect(stepWhole(99.5, 1, 0.1, 100, 18)).toBe(100);
    expect(stepWhole(0.5, -1, 0.1, 100, 18)).toBe(0.1);
    expect(stepWhole(null, 1, 0.1, 100, 18)).toBe(18);
  });
});
