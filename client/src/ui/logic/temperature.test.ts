import { describe, expect, it } from 'vitest';
import { formatTemperature, fromDisplayTemperature, toDisplayTemperature } from './temperature.js';

describe('temperature', () => {
  it('shows °C as stored and °F converted', () => {
    expect(toDisplayTemperature(93, 'C')).toBe(93);
    expect(toDisplayTemperature(93, 'F')).toBe(199.4);
    expect(formatTemperature(100, 'F')).toBe('212 °F');
    expect(formatTemperature(null, 'F')).toBe('–');
  });
  it('gives back the °F that was typed', () => {
    for (const f of [190, 199.5, 200, 205.3, 212]) {
      expect(toDisplayTemperature(fromDisplayTemperature(f, 'F'), 'F')).toBe(f);
    }
    expect(fromDisplayTemperature(200, 'F')).toBe(93.33);
  });
  it('round-trips a stored value through °F', () => {
    for (const c of [85, 90.5, 93, 96]) {
      expect(fromDisplayTemperature(toDisplayTemperature(c, 'F'), 'F')).toBe(c);
    }
  });
});
