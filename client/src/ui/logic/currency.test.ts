import { describe, expect, it } from 'vitest';
import { formatPrice, localeCurrency } from './currency.js';

describe('the price’s currency', () => {
  it('follows the locale’s region, the euro where the region is not listed', () => {
    expect(localeCurrency('en-GB')).toBe('GBP');
    expect(localeCurrency('en-US')).toBe('USD');
    expect(localeCurrency('en')).toBe('USD');
    expect(localeCurrency('de')).toBe('EUR');
    expect(localeCurrency('ja-JP')).toBe('JPY');
    expect(localeCurrency('sw-KE')).toBe('EUR');
    expect(localeCurrency('not a locale!')).toBe('EUR');
  });

  it('writes money the way the locale does', () => {
    expect(formatPrice(18.5, 'EUR', 'en-IE')).toBe('€18.50');
    expect(formatPrice(2400, 'JPY', 'en-US')).toBe('¥2,400');
    expect(formatPrice(12, 'XYZ1', 'en-US')).toBe('12 XYZ1');
  });
});
