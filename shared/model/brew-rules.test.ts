import { describe, expect, it } from 'vitest';
import {
  BREW_RULES,
  brewRule,
  ratioBandText,
  ruleRatio,
  ruleSummary,
  sideOfBand,
  timeBandText,
  timeIsLogged,
  usualRatio,
} from './brew-rules.js';
import { BREW_METHODS } from './entities.js';

describe('the brew rule table', () => {
  it('has a sourced rule for every method but "other", with sane bands', () => {
    for (const method of BREW_METHODS) {
      const rule = brewRule(method);
      if (method === 'other') {
        expect(rule).toBeNull();
        continue;
      }
      expect(rule?.method).toBe(method);
      expect(rule?.sources.length).toBeGreaterThan(0);
      for (const s of rule?.sources ?? []) expect(s.url).toMatch(/^https:\/\//);
      const [tLo, tHi] = rule?.timeS ?? [0, 0];
      expect(tLo).toBeGreaterThan(0);
      expect(tHi).toBeGreaterThan(tLo);
      const [rLo, rHi] = rule?.ratio.band ?? [0, 0];
      expect(rHi).toBeGreaterThan(rLo);
    }
    expect(brewRule(null)).toBeNull();
  });
  it('holds the published numbers: espresso 1:2 in 25–30 s, filter 55–65 g/L', () => {
    expect(BREW_RULES.espresso?.ratio).toEqual({ reads: 'yield', target: 2, band: [1.5, 2.5] });
    expect(BREW_RULES.espresso?.timeS).toEqual([25, 30]);
    expect(BREW_RULES.pour_over?.ratio).toEqual({ reads: 'strength', band: [55, 65] });
    expect(BREW_RULES.immersion?.ratio).toEqual({ reads: 'strength', band: [55, 65] });
  });
  it('reads espresso from the yield and filter from the water, never the beverage', () => {
    const espresso = brewRule('espresso');
    const pour = brewRule('pour_over');
    if (!espresso || !pour) throw new Error('rules missing');
    expect(ruleRatio(espresso, { doseG: 18, yieldG: 36, waterG: null })).toBe(2);
    expect(ruleRatio(espresso, { doseG: 18, yieldG: null, waterG: 300 })).toBeNull();
    expect(ruleRatio(pour, { doseG: 15, yieldG: 220, waterG: 250 })).toBe(60);
    expect(ruleRatio(pour, { doseG: 15, yieldG: 220, waterG: null })).toBeNull();
    expect(ruleRatio(pour, { doseG: 0, yieldG: null, waterG: 250 })).toBeNull();
  });
  it('knows a cold brew steep does not fit the Time field', () => {
    expect(timeIsLogged(brewRule('espresso') ?? fail())).toBe(true);
    expect(timeIsLogged(brewRule('pour_over') ?? fail())).toBe(true);
    expect(timeIsLogged(brewRule('cold_brew') ?? fail())).toBe(false);
  });
  it('writes bands the way the sources do', () => {
    expect(ruleSummary(brewRule('espresso') ?? fail())).toBe('1:2 (1:1.5–1:2.5), shot 25–30 s');
    expect(ratioBandText(brewRule('pour_over') ?? fail())).toBe('55–65 g/L');
    expect(timeBandText(brewRule('pour_over') ?? fail())).toBe('2:30–4:00 min');
    expect(timeBandText(brewRule('cold_brew') ?? fail())).toBe('12–24 h');
  });
  it('places a value below, inside or above a band', () => {
    expect(sideOfBand(24, [25, 30])).toBe(-1);
    expect(sideOfBand(25, [25, 30])).toBe(0);
    expect(sideOfBand(30.5, [25, 30])).toBe(1);
  });
  it('gives the live ratio display its band on the 1:x scale it shows', () => {
    expect(usualRatio('espresso')?.band).toEqual([1.5, 2.5]);
    const pour = usualRatio('pour_over');
    expect(pour?.band[0]).toBeCloseTo(15.38, 2);
    expect(pour?.band[1]).toBeCloseTo(18.18, 2);
    expect(pour?.text).toBe('55–65 g/L (1:15.4–1:18.2)');
    // Moka's rule reads the water; the display shows the beverage: no false "off".
    expect(usualRatio('moka')).toBeNull();
    expect(usualRatio('other')).toBeNull();
  });
});

function fail(): never {
  throw new Error('rule missing');
}
