import { describe, expect, it } from 'vitest';
import { filterFromParams, filterToParams } from './brew-filter-params.js';
import {
  type BrewFilter,
  buildSearchIndex,
  fold,
  incrementalSearch,
  NO_FILTER,
  narrows,
  type SearchableBrew,
  searchBrews,
} from './brew-search.js';

const guji = { name: 'Guji Hambela', roaster: 'April' };
const cafe = { name: 'Café de Éthiopie', roaster: 'Brûlerie Lacroix' };

let n = 0;
function brew(over: Partial<SearchableBrew> = {}): SearchableBrew {
  n += 1;
  return {
    id: `b${n}`,
    bagId: over.bag === cafe ? 'cafe' : 'guji',
    method: 'espresso',
    grinder: 'Niche Zero',
    taste: null,
    rating: null,
    notes: null,
    brewedAt: '2026-11-20T08:00:00.000Z',
    bag: guji,
    ...over,
  };
}

const ids = (brews: readonly SearchableBrew[], filter: Partial<BrewFilter>) => {
  const index = buildSearchIndex(brews);
  return searchBrews(index, { ...NO_FILTER, ...filter }).map((i) => brews[i]?.id);
};

describe('fold', () => {
  it('drops case and accents', () => {
    expect(fold('Éthiopie Brûlée ÇA')).toBe('ethiopie brulee ca');
    // A decomposed é (e + combining accent) folds like the composed one.
    expect(fold('Cafe\u0301')).toBe(fold('Café'));
  });
});

describe('searchBrews', () => {
  const a = brew({ notes: 'Juicy, a little thin' });
  const b = brew({ bag: cafe, notes: 'Crème brûlée finish' });
  const c = brew({ bag: null, bagId: 'gone', notes: null });
  const all = [a, b, c];

  it('keeps every brew, in order, without a filter', () => {
    expect(ids(all, {})).toEqual([a.id, b.id, c.id]);
  });

  it('matches notes, bag name and roaster, whatever the case and accents', () => {
    expect(ids(all, { text: 'JUICY' })).toEqual([a.id]);
    expect(ids(all, { text: 'hambela' })).toEqual([a.id]);
    expect(ids(all, { text: 'april' })).toEqual([a.id]);
    expect(ids(all, { text: 'ethiopie' })).toEqual([b.id]);
    expect(ids(all, { text: 'brulerie' })).toEqual([b.id]);
    expect(ids(all, { text: 'crème' })).toEqual([b.id]);
    expect(ids(all, { text: 'creme brulee' })).toEqual([b.id]);
  });

  it('needs every word, each anywhere (notes and bag together)', () => {
    expect(ids(all, { text: 'guji juicy' })).toEqual([a.id]);
    expect(ids(all, { text: 'guji crème' })).toEqual([]);
    expect(ids(all, { text: '   ' })).toEqual([a.id, b.id, c.id]);
  });

  it('filters by bag, method, grinder (folded), taste and rating at least', () => {
    const brews = [
      brew({ method: 'pour_over', grinder: 'Comandante', taste: 'sour', rating: 4 }),
      brew({ method: 'espresso', grinder: 'niche zero', taste: 'bitter', rating: 0 }),
      brew({ bag: cafe, method: 'espresso', grinder: null, taste: 'bitter', rating: 4.5 }),
    ];
    const [p, e, x] = brews.map((b) => b.id);
    expect(ids(brews, { bagId: 'cafe' })).toEqual([x]);
    expect(ids(brews, { method: 'espresso' })).toEqual([e, x]);
    expect(ids(brews, { grinder: 'niche zero' })).toEqual([e]);
    expect(ids(brews, { taste: 'bitter' })).toEqual([e, x]);
    expect(ids(brews, { minRating: 4 })).toEqual([p, x]);
    expect(ids(brews, { minRating: 4.5 })).toEqual([x]);
    // A rating of 0 is no rating: "at least 0" cannot be asked, and 0 never passes.
    expect(ids(brews, { method: 'espresso', taste: 'bitter', minRating: 0.5 })).toEqual([x]);
  });

  it('keeps a date range of local days, both ends inclusive', () => {
    process.env.TZ = 'Europe/Berlin';
    const late = brew({ brewedAt: '2026-11-30T23:30:00.000Z' }); // 1 Dec in Berlin
    const mid = brew({ brewedAt: '2026-11-15T12:00:00.000Z' });
    const undated = brew({ brewedAt: null });
    const brews = [late, mid, undated];
    expect(ids(brews, { from: '2026-12-01' })).toEqual([late.id]);
    expect(ids(brews, { to: '2026-11-30' })).toEqual([mid.id]);
    expect(ids(brews, { from: '2026-11-15', to: '2026-11-15' })).toEqual([mid.id]);
    expect(ids(brews, { from: '2026-11-16', to: '2026-11-30' })).toEqual([]);
  });
});

describe('narrowing while typing', () => {
  it('knows when a new query can only keep fewer brews', () => {
    const f = (text: string, over: Partial<BrewFilter> = {}) => ({ ...NO_FILTER, ...over, text });
    expect(narrows(f('gu'), f('guj'))).toBe(true);
    expect(narrows(f('guji'), f('guji ham'))).toBe(true);
    expect(narrows(f(''), f('g'))).toBe(true);
    expect(narrows(f('guj'), f('gu'))).toBe(false);
    expect(narrows(f('guji'), f('gujo'))).toBe(false);
    expect(narrows(f('gu'), f('guj', { method: 'espresso' }))).toBe(false);
  });

  it('answers as a full search does, letter by letter and back', () => {
    const brews = [
      brew({ notes: 'guava' }),
      brew({ notes: 'gujarati spice' }),
      brew({ bag: cafe }),
      brew({ notes: 'guji again' }),
    ];
    const index = buildSearchIndex(brews);
    const search = incrementalSearch<SearchableBrew>();
    for (const text of ['g', 'gu', 'guj', 'guji', 'guj', 'gu', 'gua', 'x', '']) {
      const filter = { ...NO_FILTER, text };
      expect(search(index, filter), text).toEqual(searchBrews(index, filter));
    }
  });
});

describe('filter in the URL', () => {
  it('round-trips every filter, and drops what is not set', () => {
    const filter: BrewFilter = {
      text: 'guji é',
      bagId: 'bag-1',
      method: 'pour_over',
      grinder: 'niche zero',
      minRating: 3.5,
      taste: 'sour',
      from: '2026-11-01',
      to: '2026-11-30',
    };
    const params = filterToParams(filter);
    expect(filterFromParams(new URLSearchParams(params.toString()))).toEqual(filter);
    expect(filterToParams(NO_FILTER).toString()).toBe('');
    expect(filterFromParams(new URLSearchParams(''))).toEqual(NO_FILTER);
  });

  it('ignores values that are not a filter, so an odd link still opens', () => {
    const odd = new URLSearchParams(
      'method=siphon&taste=salty&rating=9&from=yesterday&to=2026-1-1',
    );
    expect(filterFromParams(odd)).toEqual(NO_FILTER);
  });
});
