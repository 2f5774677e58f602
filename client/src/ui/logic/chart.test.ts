import { describe, expect, it } from 'vitest';
import { type ChartInput, type ChartPoint, chartModel, overlaps, spreadApart } from './chart.js';

const brew = (i: number, grind: string, timeS: number, over: Partial<ChartInput> = {}) => ({
  id: `b${i}`,
  method: 'espresso' as const,
  grindSetting: grind,
  doseG: 18,
  yieldG: 36,
  waterG: null,
  timeS,
  taste: null,
  rating: i % 5,
  brewedAt: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString(),
  ...over,
});
const size = { width: 300, height: 200 };
const at = (points: ChartPoint[], id: string) => points.find((p) => p.id === id) ?? fail();

describe('chartModel: the grind axis', () => {
  it('is a number line when every setting is a number: distances are true', () => {
    const m = chartModel(
      [brew(1, '14', 30), brew(2, '15', 30), brew(3, '20', 30)].map((b, i) => ({
        ...b,
        timeS: 20 + i * 8,
      })),
      'espresso',
      size,
    );
    expect(m.numeric).toBe(true);
    const [a, b, c] = [at(m.points, 'b1'), at(m.points, 'b2'), at(m.points, 'b3')];
    expect(c.x - b.x).toBeCloseTo(5 * (b.x - a.x), 5);
    expect(m.xTicks.map((t) => t.label)).toEqual(['14', '16', '18', '20']);
  });
  it('labels decimals with the settings’ own precision', () => {
    const m = chartModel([brew(1, '2.5', 27), brew(2, '4.0', 27)], 'espresso', size);
    expect(m.xTicks.map((t) => t.label)).toEqual(['2.5', '3.0', '3.5', '4.0']);
  });
  it('is ordinal for dials, ordered part by part', () => {
    const m = chartModel([brew(1, '2.10', 35), brew(2, '2.9', 20)], 'espresso', size);
    expect(m.numeric).toBe(false);
    const [slow, fast] = m.points;
    expect(m.xTicks.map((t) => t.label)).toEqual(['2.9', '2.10']);
    expect(slow && fast && slow.x > fast.x).toBe(true);
    expect(slow && fast && slow.y < fast.y).toBe(true);
  });
  it('turns ordinal as soon as one setting is not a plain number', () => {
    const m = chartModel([brew(1, '15', 27), brew(2, '2.4.1', 27)], 'espresso', size);
    expect(m.numeric).toBe(false);
  });
});

describe('chartModel: dots', () => {
  it('spreads dots of identical shots apart, keeping their values', () => {
    const same = Array.from({ length: 5 }, (_, i) => brew(i, '15', 28, { rating: 3 }));
    const m = chartModel(same, 'espresso', size);
    for (const p of m.points) {
      for (const q of m.points) if (p !== q) expect(overlaps(p, q)).toBe(false);
      expect(p.y).toBe(m.points[0]?.y);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(size.width);
    }
  });
  it('leaves the newest where its value is', () => {
    const newest = brew(9, '15', 28);
    const m = chartModel([brew(1, '15', 28), newest, brew(2, '15', 28)], 'espresso', size);
    const alone = chartModel([newest], 'espresso', size);
    expect(at(m.points, 'b9').newest).toBe(true);
    expect(at(m.points, 'b9').x).toBe(at(alone.points, 'b9').x);
    expect(m.points.filter((p) => p.newest)).toHaveLength(1);
    expect(at(m.points, 'b9').label).toMatch(/^Newest: grind 15, 28 s/);
  });
  it('marks the first brew newest when none has a date', () => {
    const m = chartModel(
      [brew(1, '15', 28, { brewedAt: null }), brew(2, '16', 28, { brewedAt: null })],
      'espresso',
      size,
    );
    expect(at(m.points, 'b1').newest).toBe(true);
  });
  it('moves nothing that does not touch', () => {
    const points: ChartPoint[] = [10, 100].map((x, i) => ({
      id: `p${i}`,
      x,
      y: 50,
      r: 6,
      taste: null,
      grind: '1',
      value: '',
      rating: null,
      newest: i === 0,
      label: '',
    }));
    spreadApart(points, 300);
    expect(points.map((p) => p.x)).toEqual([10, 100]);
  });
  it('plots only brews of the method with a grind and a value', () => {
    const brews = Array.from({ length: 20 }, (_, i) => brew(i, `3.${i % 6}`, 20 + i));
    const m = chartModel(
      [...brews, brew(99, '1', 0), brew(98, '1', 30, { method: 'moka' }), brew(97, '', 30)],
      'espresso',
      size,
    );
    expect(m.points).toHaveLength(20);
    for (const p of m.points) {
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(size.height);
    }
  });
});

describe('chartModel: y and the target band', () => {
  it('shades and labels the espresso band', () => {
    const m = chartModel([brew(1, '5', 28)], 'espresso', size);
    expect(m.metric).toBe('time');
    expect(m.band?.height).toBeGreaterThan(0);
    expect(m.band?.label).toBe('target 25–30 s');
  });
  it('plots a pour-over drawdown, and a cold brew by strength', () => {
    const pour = brew(1, '20', 200, { method: 'pour_over', doseG: 15, waterG: 250 });
    expect(chartModel([pour], 'pour_over', size).band?.label).toBe('target 2:30–4:00 min');
    const cold = brew(2, '30', 600, { method: 'cold_brew', doseG: 75, waterG: 1000 });
    const m = chartModel([cold], 'cold_brew', size);
    expect(m.metric).toBe('ratio');
    expect(m.yName).toBe('strength (g/L)');
    expect(m.points[0]?.value).toBe('75 g/L');
    expect(m.band?.label).toBe('target 67–83 g/L');
  });
  it('has no band for a method without a rule', () => {
    const other = brew(1, '5', 60, { method: 'other' });
    const m = chartModel([other], 'other', size);
    expect(m.points).toHaveLength(1);
    expect(m.band).toBeNull();
  });
});

function fail(): never {
  throw new Error('point missing');
}
