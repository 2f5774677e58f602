import { describe, expect, it } from 'vitest';
import { BAG_FIELDS } from './entities.js';
import { joinTags, splitTags, tagsProblem } from './tags.js';
import { validatePatch } from './validate.js';

const NOW = Date.parse('2026-12-02T12:00:00Z');

describe('tags in one field', () => {
  it('split and join: trimmed, never empty, each once, order and first spelling kept', () => {
    expect(splitTags('cherry, cocoa')).toEqual(['cherry', 'cocoa']);
    expect(splitTags(' cherry ,, Cocoa,cherry ,  brown   sugar ')).toEqual([
      'cherry',
      'Cocoa',
      'brown sugar',
    ]);
    expect(splitTags(null)).toEqual([]);
    expect(splitTags('')).toEqual([]);
    expect(joinTags(['Cherry', ' cocoa ', 'cherry'])).toBe('Cherry, cocoa');
    expect(joinTags([' ', ''])).toBeNull();
    expect(splitTags(joinTags(['a', 'b']))).toEqual(['a', 'b']);
  });

  it('store only the joined form, within the field’s limits, saying why not', () => {
    const limits = BAG_FIELDS.flavourNotes;
    expect(tagsProblem('cherry, cocoa', limits)).toBeNull();
    expect(tagsProblem('cherry,cocoa', limits)).toBe('must be tags separated by ", ", each once');
    expect(tagsProblem('cherry, cherry', limits)).toBe('must be tags separated by ", ", each once');
    expect(tagsProblem('cherry, , cocoa', limits)).toBe('must not hold an empty tag');
    expect(tagsProblem('x'.repeat(41), limits)).toBe('must hold tags of at most 40 characters');
    const many = Array.from({ length: 60 }, (_, i) => `tag${i}`).join(', ');
    expect(tagsProblem(many, limits)).toBe('must be at most 300 characters');
  });
});

describe('the bag’s new fields', () => {
  const check = (patch: Record<string, unknown>) => validatePatch('bag', patch, NOW);

  it('accept what a barista enters', () => {
    expect(
      check({
        origin: 'Ethiopia',
        region: 'Guji',
        farm: 'Hambela Estate',
        openedDate: '2026-12-01',
        price: 18.5,
        flavourNotes: 'peach, jasmine',
        decaf: false,
        rating: 4.5,
      }),
    ).toEqual([]);
    expect(check({ region: null, price: null, flavourNotes: null, rating: null })).toEqual([]);
  });

  it('refuse the rest, in words', () => {
    expect(check({ openedDate: '2026-12-05' })).toEqual([
      { field: 'openedDate', message: 'must not be in the future' },
    ]);
    expect(check({ price: -1 })).toEqual([{ field: 'price', message: 'must be at least 0' }]);
    expect(check({ rating: 4.3 })).toEqual([
      { field: 'rating', message: 'must be a multiple of 0.5' },
    ]);
    expect(check({ rating: 6 })).toEqual([{ field: 'rating', message: 'must be at most 5' }]);
    expect(check({ decaf: 'yes' })).toEqual([{ field: 'decaf', message: 'must be true or false' }]);
    expect(check({ flavourNotes: ['peach'] })).toEqual([
      { field: 'flavourNotes', message: 'must be a string of tags' },
    ]);
  });
});

describe('a recipe (a bag’s target for a method)', () => {
  const bagId = '7b0b2f7e-3c8f-4a55-9a5e-0c1d2e3f4a5b';
  it('needs its bag and method; the rest is optional and ranged', () => {
    expect(validatePatch('recipe', {}, NOW, { creating: true })).toEqual([
      { field: 'bagId', message: 'is required' },
      { field: 'method', message: 'is required' },
    ]);
    const target = { bagId, method: 'espresso', doseG: 18, ratio: 2, timeMinS: 25, timeMaxS: 30 };
    expect(validatePatch('recipe', { ...target, tempC: 93 }, NOW, { creating: true })).toEqual([]);
    expect(validatePatch('recipe', { ratio: 0.2, timeMinS: 25.5 }, NOW)).toEqual([
      { field: 'ratio', message: 'must be at least 0.5' },
      { field: 'timeMinS', message: 'must be a multiple of 1' },
    ]);
  });
});
