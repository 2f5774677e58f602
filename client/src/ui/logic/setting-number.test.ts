import { describe, expect, it } from 'vitest';
import { SETTING_LIMITS } from '../device-settings.js';
import { parseSettingNumber } from './setting-number.js';

const dose = (text: string) =>
  parseSettingNumber(text, SETTING_LIMITS.defaultDoseG, 'Default dose (g)');

describe('parseSettingNumber', () => {
  it('keeps numbers in range, with a point or a comma; empty means not set', () => {
    expect(dose('18')).toEqual({ ok: true, value: 18 });
    expect(dose(' 18,5 ')).toEqual({ ok: true, value: 18.5 });
    expect(dose('')).toEqual({ ok: true, value: null });
  });
  it('refuses junk and out-of-range values, naming the field by its label', () => {
    expect(dose('abc')).toEqual({ ok: false, message: 'Default dose (g) must be a number' });
    expect(dose('0')).toEqual({ ok: false, message: 'Default dose (g) must be at least 0.1' });
    expect(dose('120')).toEqual({ ok: false, message: 'Default dose (g) must be at most 100' });
    expect(parseSettingNumber('3500', SETTING_LIMITS.defaultYieldG, 'Default yield (g)')).toEqual({
      ok: false,
      message: 'Default yield (g) must be at most 3000',
    });
  });
});
