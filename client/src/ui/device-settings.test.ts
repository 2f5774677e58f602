import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings } from './device-settings.js';

describe('parseSettings', () => {
  it('falls back to the defaults for missing, damaged or out-of-range values', () => {
    expect(parseSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{not json')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"theme":"neon","defaultDoseG":-3,"defaultMethod":"drip"}')).toEqual(
      DEFAULT_SETTINGS,
    );
  });
  it('keeps valid choices', () => {
    const s = parseSettings(
      '{"theme":"dark","defaultDoseG":15,"defaultYieldG":250,"defaultMethod":"pour_over","temperatureUnit":"F","hourCycle":"h23","currency":"GBP"}',
    );
    expect(s).toEqual({
      theme: 'dark',
      defaultDoseG: 15,
      defaultYieldG: 250,
      defaultMethod: 'pour_over',
      temperatureUnit: 'F',
      hourCycle: 'h23',
      currency: 'GBP',
    });
    expect(parseSettings('{"currency":"pounds"}').currency).toBeNull();
  });
});

describe('parseSettings ranges', () => {
  it('keeps a default dose or yield only within what a brew may hold', () => {
    expect(parseSettings('{"defaultDoseG":120,"defaultYieldG":3500}')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('{"defaultDoseG":0.1,"defaultYieldG":3000}')).toMatchObject({
      defaultDoseG: 0.1,
      defaultYieldG: 3000,
    });
  });
});
