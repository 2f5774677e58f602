import { describe, expect, it } from 'vitest';
import { ago, clockTime, daysSince, formatTime, grams, localDay, plural } from './format.js';

describe('format', () => {
  const now = new Date(2026, 10, 26, 10, 0).getTime();
  it('counts days since roast in local days', () => {
    expect(daysSince('2026-11-12', now)).toBe(14);
    expect(daysSince(null, now)).toBeNull();
  });
  it('says how long ago', () => {
    expect(ago(now - 10_000, now)).toBe('just now');
    expect(ago(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(ago(now - 3 * 3_600_000, now)).toBe('3 h ago');
  });
  it('counts with the noun in the right number', () => {
    expect(plural(1, 'bag')).toBe('1 bag');
    expect(plural(0, 'brew')).toBe('0 brews');
    expect(plural(1234, 'brew')).toBe('1,234 brews');
  });
  it('formats times and grams', () => {
    expect(formatTime(28)).toBe('28 s');
    expect(formatTime(185)).toBe('3:05');
    expect(grams(36.44)).toBe('36.4 g');
    expect(localDay(now)).toBe('2026-11-26');
  });
});

describe('clockTime', () => {
  it('follows the chosen hour cycle', () => {
    const evening = new Date(2026, 11, 2, 21, 5).getTime();
    expect(clockTime(evening, 'h23')).toMatch(/21.05/);
    expect(clockTime(evening, 'h12')).toMatch(/9.05/);
  });
});
