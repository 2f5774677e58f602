import { describe, expect, it } from 'vitest';
import {
  DOWNLOAD_BANNER_MIN_ITEMS,
  downloadLabel,
  showsDownloadBanner,
} from './download-progress.js';

describe('downloadLabel', () => {
  it('says what is coming before the count is known, and the count once it is', () => {
    expect(downloadLabel({ done: 0, total: 0 })).toBe('Downloading your brews…');
    expect(downloadLabel({ done: 0, total: 1 })).toBe('Downloading 0 of 1 brews and bags');
    expect(downloadLabel({ done: 1200, total: 5000 })).toBe(
      'Downloading 1,200 of 5,000 brews and bags',
    );
  });
});

describe('showsDownloadBanner', () => {
  it('shows no banner for an empty pull or a few changed rows, and one for a long download', () => {
    expect(showsDownloadBanner(null)).toBe(false);
    expect(showsDownloadBanner({ done: 0, total: 0 })).toBe(false);
    expect(showsDownloadBanner({ done: 0, total: 3 })).toBe(false);
    expect(showsDownloadBanner({ done: 0, total: DOWNLOAD_BANNER_MIN_ITEMS - 1 })).toBe(false);
    expect(showsDownloadBanner({ done: 0, total: DOWNLOAD_BANNER_MIN_ITEMS })).toBe(true);
    expect(showsDownloadBanner({ done: 150, total: 302 })).toBe(true);
  });
});
