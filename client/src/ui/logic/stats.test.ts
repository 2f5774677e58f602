import { beforeAll, describe, expect, it } from 'vitest';
import {
  averageRatingBy,
  bestBrews,
  grindDrift,
  ratingByRoastAge,
  type StatsBrew,
  weeklyTotals,
  weekOf,
} from './stats.js';

// New York: five hours behind UTC, and daylight saving ends on Sunday 1 November 2026.
beforeAll(() => {
  process.env.TZ = 'America/New_York';
});

const bagA = { name: 'Guji', origin: 'Ethiopia', process: 'Washed', roastDate: '2026-11-01' };
const bagB = { name: 'Huila', origin: 'Colombia', process: 'washed ', roastDate: null };
const bagC = { name: 'Sidamo', origin: 'ethiopia', process: 'Natural', roastDate: '2026-10-20' };

let n = 0;
function brew(over: Partial<StatsBrew> & { bag?: StatsBrew['bag'] }): StatsBrew {
  n += 1;
  const bag = over.bag === undefined ? bagA : over.bag;
  return {
    id: `b${n}`,
    bagId: bag?.name ?? 'gone',
    method: 'espresso',
    grindSetting: '15',
    doseG: 18,
    rating: null,
    brewedAt: '2026-11-18T12:00:00.000Z',
    ...over,
    bag,
  };
}

describe('weeks', () => {
  it('start on the local Monday, not the UTC one', () => {
    // Monday 02:00 UTC is still Sunday evening in New York: the week before.
    expect(weekOf(Date.parse('2026-11-16T02:00:00Z'))).toBe('2026-11-09');
    expect(weekOf(Date.parse('2026-11-16T06:00:00Z'))).toBe('2026-11-16');
    expect(weekOf(Date.parse('2026-11-22T23:00:00-05:00'))).toBe('2026-11-16');
    // Across the daylight-saving change (1 Nov): Sunday 1 Nov is in the week of 26 Oct.
    expect(weekOf(Date.parse('2026-11-01T12:00:00-05:00'))).toBe('2026-10-26');
    expect(weekOf(Date.parse('2026-11-02T00:30:00-05:00'))).toBe('2026-11-02');
  });

  it('count brews and sum doses per week, with empty weeks, ending this week', () => {
    const now = Date.parse('2026-11-25T12:00:00Z'); // Wednesday
    const brews = [
      brew({ brewedAt: '2026-11-23T14:00:00Z', doseG: 18 }),
      brew({ brewedAt: '2026-11-24T14:00:00Z', doseG: 18.5 }),
      brew({ brewedAt: '2026-11-24T15:00:00Z', doseG: null }),
      // Sunday night local (Monday UTC): last week.
      brew({ brewedAt: '2026-11-23T03:00:00Z', doseG: 15 }),
      brew({ brewedAt: '2026-11-02T12:00:00Z', doseG: 20 }),
      brew({ brewedAt: '2025-01-01T12:00:00Z', doseG: 99 }), // outside the window
      brew({ brewedAt: null, doseG: 99 }),
    ];
    expect(weeklyTotals(brews, now, 4)).toEqual([
      { week: '2026-11-02', brews: 1, doseG: 20 },
      { week: '2026-11-09', brews: 0, doseG: 0 },
      { week: '2026-11-16', brews: 1, doseG: 15 },
      { week: '2026-11-23', brews: 3, doseG: 36.5 },
    ]);
  });
});

describe('average rating', () => {
  const brews = [
    brew({ bag: bagA, rating: 4 }),
    brew({ bag: bagA, rating: 5 }),
    brew({ bag: bagA, rating: 0 }), // not rated
    brew({ bag: bagB, rating: 3 }),
    brew({ bag: bagC, rating: 2 }),
    brew({ bag: null, rating: 5 }), // its bag is not on this device
  ];

  it('by bag, best first, over rated brews only', () => {
    expect(averageRatingBy(brews, 'bag')).toEqual([
      { key: 'Guji', label: 'Guji', rated: 2, average: 4.5 },
      { key: 'Huila', label: 'Huila', rated: 1, average: 3 },
      { key: 'Sidamo', label: 'Sidamo', rated: 1, average: 2 },
    ]);
  });

  it('by origin and by process, one group whatever the case and spaces', () => {
    expect(averageRatingBy(brews, 'origin')).toEqual(
      [
        { key: 'colombia', label: 'Colombia', rated: 1, average: 3 },
        { key: 'ethiopia', label: 'Ethiopia', rated: 3, average: 3.7 },
      ].sort((a, b) => b.average - a.average),
    );
    expect(averageRatingBy(brews, 'process')).toEqual([
      { key: 'washed', label: 'Washed', rated: 3, average: 4 },
      { key: 'natural', label: 'Natural', rated: 1, average: 2 },
    ]);
  });
});

describe('best brews', () => {
  it('are the highest rated, newest first on a tie, at most the count', () => {
    const old5 = brew({ rating: 5, brewedAt: '2026-11-01T08:00:00Z' });
    const new5 = brew({ rating: 5, brewedAt: '2026-11-20T08:00:00Z' });
    const four = brew({ rating: 4 });
    const brews = [brew({ rating: 1 }), old5, four, brew({ rating: 0 }), new5, brew({ rating: 3 })];
    expect(bestBrews(brews, 3).map((b) => b.id)).toEqual([new5.id, old5.id, four.id]);
    expect(bestBrews(brews, 10)).toHaveLength(5);
    expect(bestBrews([brew({ rating: null })])).toEqual([]);
  });
});

describe('days off roast', () => {
  it('buckets rated brews by week off roast, the last bucket open', () => {
    const brews = [
      brew({ rating: 3, brewedAt: '2026-11-03T12:00:00Z' }), // day 2
      brew({ rating: 4, brewedAt: '2026-11-06T12:00:00Z' }), // day 5
      brew({ rating: 5, brewedAt: '2026-11-09T12:00:00Z' }), // day 8
      brew({ rating: 1, brewedAt: '2026-12-30T12:00:00Z' }), // day 59
      brew({ rating: 5, bag: bagB }), // no roast date
      brew({ rating: null, brewedAt: '2026-11-03T12:00:00Z' }),
    ];
    expect(ratingByRoastAge(brews, 7, 3)).toEqual([
      { from: 0, to: 6, rated: 2, average: 3.5 },
      { from: 7, to: 13, rated: 1, average: 5 },
      { from: 14, to: null, rated: 1, average: 1 },
    ]);
  });
});

describe('grind drift', () => {
  it('follows the bag’s main method by days off roast, one point per day', () => {
    const brews = [
      brew({ grindSetting: '15', brewedAt: '2026-11-03T12:00:00Z' }),
      brew({ grindSetting: '14', brewedAt: '2026-11-05T09:00:00Z' }),
      brew({ grindSetting: '13', brewedAt: '2026-11-05T18:00:00Z' }),
      brew({ method: 'pour_over', grindSetting: '30', brewedAt: '2026-11-04T12:00:00Z' }),
      brew({ bag: bagC, grindSetting: '9' }),
    ];
    expect(grindDrift(brews, 'Guji')).toEqual({
      method: 'espresso',
      fromRoast: true,
      numeric: true,
      settings: ['13', '15'],
      points: [
        { day: 2, grind: '15', brews: 1 },
        { day: 4, grind: '13', brews: 2 },
      ],
    });
  });

  it('counts from the first brew without a roast date, and keeps a dial ordinal', () => {
    const brews = [
      brew({ bag: bagB, grindSetting: '2.4.1', brewedAt: '2026-11-03T12:00:00Z' }),
      brew({ bag: bagB, grindSetting: '2.3.2', brewedAt: '2026-11-10T12:00:00Z' }),
    ];
    const drift = grindDrift(brews, 'Huila');
    expect(drift.fromRoast).toBe(false);
    expect(drift.numeric).toBe(false);
    expect(drift.settings).toEqual(['2.3.2', '2.4.1']);
    expect(drift.points.map((p) => p.day)).toEqual([0, 7]);
  });
});
