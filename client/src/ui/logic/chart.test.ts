import { describe, expect, it } from 'vitest';
import { chartModel } from './chart.js';

const brew = (i: number, grind: string, timeS: number) => ({
  id: `b${i}`,
  method: 'espresso' as const,
  grindSetting: grind,
  doseG: 18,
  yieldG: 36,
  waterG: null,
  timeS,
  taste: null,
  rating: i % 5,
});

describe('chartModel', () => {
  const size = { width: 300, height: 200 };
  it('orders grind columns and puts slower shots higher', () => {
    const m = chartModel([brew(1, '2.10', 35), brew(2, '2.9', 20)], 'espresso', size);
    const [slow, fast] = m.points;
    expect(m.xTicks.map((t) => t.label)).toEqual(['2.9', '2.10']);
    expect(slow && fast && slow.x > fast.x).toBe(true);
    expect(slow && fast && slow.y < fast.y).toBe(true);
  });
  it('plots every brew of the method and skips untimed or other-method ones', () => {
    const brews = Array.from({ length: 20 }, (_, i) => brew(i, `3.${i % 6}`, 20 + i));
    const m = chartModel(
      [...brews, { ...brew(99, '1', 0) }, { ...brew(98, '1', 30), method: 'moka' as const }],
      'espresso',
      size,
    );
    expect(m.points).toHaveLength(20);
    for (const p of m.points) {
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(size.height);
    }
  });
  it('shades the target band', () => {
    const m = chartModel([brew(1, '5', 28)], 'espresso', size);
    expect(m.band?.height).toBeGreaterThan(0);
  });
});
