import { describe, expect, it } from 'vitest';
import { validatePatch } from './validate.js';

const NOW = Date.UTC(2026, 11, 2, 6);
const GRINDER_ID = '7f2c1a8e-1c1d-4f5e-9a6b-2d3c4b5a6f70';

const problemsOf = (...args: Parameters<typeof validatePatch>) =>
  validatePatch(...args).map((p) => `${p.field} ${p.message}`);

describe('the grinder entity', () => {
  it('accepts a numeric scale with the steps dials have, and stepless and text scales', () => {
    for (const scaleStep of [1, 0.5, 0.25, 0.1, 0.05, 0.01, 10]) {
      expect(
        problemsOf('grinder', { name: 'Niche', scaleKind: 'numeric', scaleStep }, NOW, {
          creating: true,
        }),
      ).toEqual([]);
    }
    expect(problemsOf('grinder', { name: 'Eureka', scaleKind: 'stepless' }, NOW)).toEqual([]);
    expect(problemsOf('grinder', { name: 'Comandante', scaleKind: 'text' }, NOW)).toEqual([]);
  });

  it('names what is wrong: no name, an unknown scale, a step out of bounds or off the grid', () => {
    expect(problemsOf('grinder', { notes: 'hand' }, NOW, { creating: true })).toEqual([
      'name is required',
    ]);
    expect(problemsOf('grinder', { name: '  ' }, NOW)).toEqual(['name must not be empty']);
    expect(problemsOf('grinder', { scaleKind: 'clicks' }, NOW)).toEqual([
      'scaleKind must be one of numeric, stepless, text',
    ]);
    expect(problemsOf('grinder', { scaleStep: 0 }, NOW)).toEqual([
      'scaleStep must be at least 0.01',
    ]);
    expect(problemsOf('grinder', { scaleStep: 11 }, NOW)).toEqual(['scaleStep must be at most 10']);
    expect(problemsOf('grinder', { scaleStep: 0.125 }, NOW)).toEqual([
      'scaleStep must be a multiple of 0.01',
    ]);
  });
});

describe('the brewer entity', () => {
  it('accepts a method and a first-brew recipe', () => {
    expect(
      problemsOf(
        'brewer',
        { name: 'V60', method: 'pour_over', defaultDoseG: 15, defaultRatio: 16.5 },
        NOW,
        { creating: true },
      ),
    ).toEqual([]);
  });

  it('refuses a method not in BREW_METHODS and a dose or ratio out of range', () => {
    expect(
      problemsOf('brewer', { method: 'siphon', defaultDoseG: 0, defaultRatio: 31 }, NOW),
    ).toEqual([
      'method must be one of espresso, pour_over, immersion, moka, cold_brew, other',
      'defaultDoseG must be at least 0.1',
      'defaultRatio must be at most 30',
    ]);
  });
});

describe("a brew's gear", () => {
  it('references a grinder and a brewer by id; the free-text grinder stays for old brews', () => {
    expect(
      problemsOf('brew', { grinderId: GRINDER_ID, brewerId: null, grinder: 'Niche Zero' }, NOW),
    ).toEqual([]);
    expect(problemsOf('brew', { grinderId: 'Niche Zero', brewerId: 'v60' }, NOW)).toEqual([
      'grinderId must be the id of a grinder',
      'brewerId must be the id of a brewer',
    ]);
  });
});
