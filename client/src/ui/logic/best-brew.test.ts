import { describe, expect, it } from 'vitest';
import { bestRecentBrew, RECENT_BREWS } from './best-brew.js';

const brew = (id: string, rating: number | null, method: string | null = 'espresso') => ({
  id,
  rating,
  method,
});

describe('bestRecentBrew', () => {
  it('picks the highest rating, the newer one on a tie', () => {
    expect(bestRecentBrew([brew('a', 3), brew('b', 4.5), brew('c', 4.5)])?.id).toBe('b');
  });
  it('skips unrated, zero-rated and method-less brews', () => {
    expect(bestRecentBrew([brew('a', null), brew('b', 0), brew('c', 5, null)])).toBeNull();
  });
  it('looks only at the recent brews', () => {
    const old = [...Array.from({ length: RECENT_BREWS }, (_, i) => brew(`n${i}`, 1)), brew('o', 5)];
    expect(bestRecentBrew(old)?.id).toBe('n0');
  });
});
