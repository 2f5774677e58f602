import { describe, expect, it } from 'vitest';
import { loadOnce } from './load-once.js';

describe('loadOnce', () => {
  it('loads once for every caller', async () => {
    let loads = 0;
    const get = loadOnce(async () => {
      loads += 1;
      return 'engine';
    });
    expect(await Promise.all([get(), get()])).toEqual(['engine', 'engine']);
    expect(await get()).toBe('engine');
    expect(loads).toBe(1);
  });

  it('forgets a failure: the next call loads afresh', async () => {
    let loads = 0;
    const get = loadOnce(async () => {
      loads += 1;
      if (loads === 1) throw new Error('chunk did not arrive');
      return 'screen';
    });
    await expect(get()).rejects.toThrow('chunk did not arrive');
    expect(await get()).toBe('screen');
    expect(await get()).toBe('screen');
    expect(loads).toBe(2);
  });
});
