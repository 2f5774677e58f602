import { describe, expect, it } from 'vitest';
import { dialInHint, type HintBrew } from './hint.js';

const shot = (over: Partial<HintBrew>): HintBrew => ({
  method: 'espresso',
  doseG: 18,
  yieldG: 36,
  waterG: null,
  timeS: 28,
  taste: null,
  ...over,
});

describe('dialInHint', () => {
  it('starts espresso at 1:2 in 25–30 s without brews', () => {
    const h = dialInHint('espresso', []);
    expect(h.move).toBe('start');
    expect(h.headline).toContain('1:2 in 25–30 s');
  });
  it('sour → finer, bitter → coarser', () => {
    expect(dialInHint('espresso', [shot({ taste: 'sour' })]).move).toBe('finer');
    expect(dialInHint('espresso', [shot({ taste: 'bitter' })]).move).toBe('coarser');
  });
  it('fast → finer, slow → coarser when untasted', () => {
    expect(dialInHint('espresso', [shot({ timeS: 19 })]).move).toBe('finer');
    expect(dialInHint('espresso', [shot({ timeS: 38 })]).move).toBe('coarser');
    expect(dialInHint('espresso', [shot({ timeS: 27 })]).move).toBe('keep');
  });
  it('lets taste outrank the clock, and says so', () => {
    const h = dialInHint('espresso', [shot({ timeS: 38, taste: 'sour' })]);
    expect(h.move).toBe('finer');
    expect(h.reasons.join(' ')).toContain('taste comes first');
  });
  it('uses only the newest brew of the method', () => {
    const recent = [shot({ method: 'pour_over', taste: 'bitter' }), shot({ taste: 'sour' })];
    expect(dialInHint('espresso', recent).move).toBe('finer');
  });
  it('flags a filter ratio outside 1:15–1:17 and ignores filter time', () => {
    const filter = shot({ method: 'pour_over', doseG: 15, waterG: 300, timeS: 600 });
    const h = dialInHint('pour_over', [filter]);
    expect(h.move).toBe('keep');
    expect(h.reasons.join(' ')).toContain('1:15 and 1:17');
    expect(dialInHint('pour_over', []).headline).toContain('1:16');
  });
  it('flags an espresso ratio far from 1:2', () => {
    const h = dialInHint('espresso', [shot({ yieldG: 54, taste: 'balanced' })]);
    expect(h.reasons.join(' ')).toContain('1:3.0');
  });
});
