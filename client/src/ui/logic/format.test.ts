import { describe, expect, it } from 'vitest';
import {
  ago,
  calendarDate,
  clockTime,
  dateTime,
  dayLabel,
  formatTime,
  grams,
  localDay,
  plural,
} from './format.js';

describe('format', () => {
  const now = new Date(2026, 10, 26, 10, 0).getTime();
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

describe('dates', () => {
  const now = new Date(2026, 11, 2, 10, 0).getTime();
  it('names the year of a day only when it is not this year', () => {
    expect(dayLabel('2026-12-02', now)).toBe('Today');
    expect(dayLabel('2026-12-01', now)).toBe('Yesterday');
    expect(dayLabel('2026-11-20', now)).not.toMatch(/2026/);
    expect(dayLabel('2025-11-20', now)).toMatch(/2025/);
    expect(dateTime(new Date(2025, 10, 20, 8, 14).getTime(), now)).toMatch(
      /2025.*08.14|2025.*8.14/,
    );
    expect(dateTime(new Date(2026, 10, 20, 8, 14).getTime(), now)).not.toMatch(/2026/);
  });
  it('writes a roast date in the locale, not as a key', () => {
    expect(calendarDate('2026-11-20')).toMatch(/20/);
    expect(calendarDate('2026-11-20')).not.toBe('2026-11-20');
  });
});
