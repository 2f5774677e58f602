import { describe, expect, it } from 'vitest';
import { BREW_METHODS } from './entities.js';
import { firstBrewRecipe, METHOD_DEFAULTS } from './method-defaults.js';

describe('first-brew recipes', () => {
  it('start espresso at 18 g in, 36 g out, and pour-over at 15 g to 250 g of water', () => {
    expect(firstBrewRecipe('espresso')).toEqual({ doseG: 18, yieldG: 36 });
    expect(firstBrewRecipe('pour_over')).toEqual({ doseG: 15, waterG: 250 });
  });
  it('let a device override the dose and the output, each on its own', () => {
    expect(firstBrewRecipe('espresso', { doseG: 20, outG: null })).toEqual({
      doseG: 20,
      yieldG: 36,
    });
    expect(firstBrewRecipe('pour_over', { doseG: null, outG: 300 })).toEqual({
      doseG: 15,
      waterG: 300,
    });
  });
  it('cover every method with a positive dose and an output above it', () => {
    for (const method of BREW_METHODS) {
      const { doseG, outG } = METHOD_DEFAULTS[method];
      expect(doseG).toBeGreaterThan(0);
      expect(outG).toBeGreaterThan(doseG);
    }
  });
});
