import { describe, expect, it } from 'vitest';
import { brewRatio, formatRatio, ratio } from './ratio.js';

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
