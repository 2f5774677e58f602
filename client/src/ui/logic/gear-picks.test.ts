import { describe, expect, it } from 'vitest';
import { brewerRecipe, pickerGear, rememberedGear } from './gear-picks.js';

const gear = (id: string, archived: boolean | null = null) => ({ id, archived });

describe('the gear pickers', () => {
  it('offer the gear not archived, and the archived gear the brew already names', () => {
    const all = [gear('niche'), gear('skerton', true), gear('c40', false)];
    expect(pickerGear(all, null).map((g) => g.id)).toEqual(['niche', 'c40']);
    expect(pickerGear(all, 'skerton').map((g) => g.id)).toEqual(['niche', 'skerton', 'c40']);
  });

  it('remember the grinder and brewer of the newest brew, each from the newest brew that set it', () => {
    const grinders = [gear('niche'), gear('c40')];
    const brewers = [gear('lelit'), gear('v60')];
    const brews = [
      { grinderId: 'c40', brewerId: null },
      { grinderId: 'niche', brewerId: 'v60' },
      { grinderId: 'niche', brewerId: 'lelit' },
    ];
    expect(rememberedGear(brews, grinders, brewers)).toEqual({ grinderId: 'c40', brewerId: 'v60' });
    expect(rememberedGear([], grinders, brewers)).toEqual({ grinderId: null, brewerId: null });
  });

  it('do not bring back gear archived or gone since', () => {
    const brews = [{ grinderId: 'skerton', brewerId: 'gone' }];
    expect(rememberedGear(brews, [gear('skerton', true)], [])).toEqual({
      grinderId: null,
      brewerId: null,
    });
  });

  it("fill a first brew from the brewer's dose and ratio, as yield or water by method", () => {
    const lelit = { defaultDoseG: 18, defaultRatio: 2 };
    expect(brewerRecipe(lelit, 'espresso')).toEqual({ doseG: 18, yieldG: 36 });
    expect(brewerRecipe({ defaultDoseG: 15, defaultRatio: 16.7 }, 'pour_over')).toEqual({
      doseG: 15,
      waterG: 250.5,
    });
    expect(brewerRecipe({ defaultDoseG: 20, defaultRatio: null }, 'moka')).toEqual({ doseG: 20 });
    expect(brewerRecipe({ defaultDoseG: null, defaultRatio: 2 }, 'espresso')).toEqual({});
  });
});
