import { describe, expect, it } from 'vitest';
import { downloadLabel } from './download-progress.js';

describe('downloadLabel', () => {
  it('says what is coming before the count is known, and the count once it is', () => {
    expect(downloadLabel({ done: 0, total: 0 })).toBe('Downloading your brews…');
    expect(downloadLabel({ done: 0, total: 1 })).toBe('Downloading 0 of 1 brews and bags');
    expect(downloadLabel({ done: 1200, total: 5000 })).toBe(
      'Downloading 1,200 of 5,000 brews and bags',
    );
  });
});
