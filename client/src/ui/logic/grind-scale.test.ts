import { describe, expect, it } from 'vitest';
import { moveGrind, numericScale, plainGrind } from './grind-scale.js';

describe('plainGrind', () => {
  it('reads plain numbers only', () => {
    expect(plainGrind('15')).toBe(15);
    expect(plainGrind(' 3.5 ')).toBe(3.5);
    expect(plainGrind('3,5')).toBe(3.5);
    expect(plainGrind('2.4.1')).toBeNull();
    expect(plainGrind('fine')).toBeNull();
    expect(plainGrind('')).toBeNull();
  });
});

describe('numericScale', () => {
  it('is null unless every setting is a number', () => {
    expect(numericScale(['15', '2.4.1'])).toBeNull();
    expect(numericScale([])).toBeNull();
    expect(numericScale(['', ' '])).toBeNull();
    // 2.10 after 2.9 on the dial, but smaller as a number: a dial, not a number line.
    expect(numericScale(['2.9', '2.10'])).toBeNull();
  });
  it('steps by the smallest move the user made', () => {
    expect(numericScale(['2.5', '3.0', '3.5'])).toEqual({ step: 0.5, decimals: 1 });
    expect(numericScale(['15', '17', '16'])).toEqual({ step: 1, decimals: 0 });
    expect(numericScale(['12', '12', '', '16'])).toEqual({ step: 4, decimals: 0 });
  });
  it('falls back to the last digit when one setting was used', () => {
    expect(numericScale(['15'])).toEqual({ step: 1, decimals: 0 });
    expect(numericScale(['3.25', '3.25'])).toEqual({ step: 0.01, decimals: 2 });
  });
});

describe('moveGrind', () => {
  it('moves a numeric setting by the scale step, lower being finer', () => {
    const scale = { step: 0.5, decimals: 1 };
    expect(moveGrind('3.0', 1, scale)).toBe('2.5');
    expect(moveGrind('3.0', -2, scale)).toBe('4.0');
    expect(moveGrind('0.5', 3, scale)).toBe('0.0');
  });
  it('uses the form stepper on dials, and names nothing without digits', () => {
    expect(moveGrind('2.4.1', 1, null)).toBe('2.4.0');
    expect(moveGrind('2.4.1', -2, null)).toBe('2.4.3');
    expect(moveGrind('fine', 1, null)).toBeNull();
  });
});
