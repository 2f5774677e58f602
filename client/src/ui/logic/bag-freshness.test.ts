import { beforeAll, describe, expect, it } from 'vitest';
import {
  coffeeLeft,
  coffeeLeftWords,
  daysOffRoast,
  daysOffRoastAt,
  daysOffRoastWords,
  emptiedBy,
} from './bag-freshness.js';

// New York: five hours behind UTC, and daylight saving ends on Sunday 1 November 2026.
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});

describe('days off roast of a brew', () => {
  it('is the local brew day minus the roast date', () => {
    expect(daysOffRoast('2026-11-08T12:00:00Z', '2026-11-01')).toBe(7);
    // 03:00 UTC on 8 Nov is the evening of 7 Nov in New York.
    expect(daysOffRoast('2026-11-08T03:00:00Z', '2026-11-01')).toBe(6);
    // Across the daylight-saving change, still whole days.
    expect(daysOffRoast('2026-11-02T12:00:00Z', '2026-10-31')).toBe(2);
    expect(daysOffRoast('2026-10-30T12:00:00Z', '2026-11-01')).toBeNull();
    expect(daysOffRoast(null, '2026-11-01')).toBeNull();
    expect(daysOffRoast('2026-11-08T12:00:00Z', null)).toBeNull();
    expect(daysOffRoast('not a time', '2026-11-01')).toBeNull();
  });
});

describe('days off roast of a bag', () => {
  it('counts local days from the roast date to today', () => {
    const now = new Date(2026, 10, 26, 10, 0).getTime();
    expect(daysOffRoastAt('2026-11-12', now)).toBe(14);
    expect(daysOffRoastAt('2026-11-26', now)).toBe(0);
    // Just before local midnight is still the same day.
    expect(daysOffRoastAt('2026-11-25', new Date(2026, 10, 25, 23, 59).getTime())).toBe(0);
    expect(daysOffRoastAt(null, now)).toBeNull();
    expect(daysOffRoastAt('2026-11-27', now)).toBeNull();
    expect(daysOffRoastAt('2026-11', now)).toBeNull();
  });

  it('is worded with its unit', () => {
    expect(daysOffRoastWords(10)).toBe('10 days off roast');
    expect(daysOffRoastWords(1)).toBe('1 day off roast');
  });
});

describe('coffee left', () => {
  it('is the weight less the doses used, to a tenth of a gram', () => {
    expect(coffeeLeft({ weightG: 250, usedG: 18 })).toBe(232);
    expect(coffeeLeft({ weightG: 250, usedG: 18 + 18.1 + 18.2 })).toBe(195.7);
    expect(coffeeLeft({ weightG: 250, usedG: 0 })).toBe(250);
  });

  it('is unknown without a weight, and may go below zero', () => {
    expect(coffeeLeft({ weightG: null, usedG: 18 })).toBeNull();
    expect(coffeeLeft({ weightG: 30, usedG: 36 })).toBe(-6);
  });

  it('is worded in grams, or as none', () => {
    expect(coffeeLeftWords(232)).toBe('232 g left');
    expect(coffeeLeftWords(195.7)).toBe('195.7 g left');
    expect(coffeeLeftWords(0)).toBe('none left');
    expect(coffeeLeftWords(-6)).toBe('none left');
  });

  it('asks to finish a bag only on the brew that empties it', () => {
    expect(emptiedBy(18, 0)).toBe(true);
    expect(emptiedBy(10, -8)).toBe(true);
    expect(emptiedBy(40, 22)).toBe(false);
    // Already empty before: asked once, not again.
    expect(emptiedBy(0, -18)).toBe(false);
    expect(emptiedBy(null, null)).toBe(false);
  });
});
