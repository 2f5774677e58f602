import { describe, expect, it } from 'vitest';
import {
  exportedWords,
  fullWords,
  importedPhotoWords,
  leftOutWords,
  photoCount,
  photoUseWords,
  uploadProblemWords,
} from './photo-words.js';

const MB = 1024 * 1024;

describe('photo words', () => {
  it('counts against the limit and says what to do when full', () => {
    expect(photoCount(3, 6)).toBe('3 of 6 photos');
    expect(fullWords('bag', 6)).toBe(
      'This bag has 6 photos, the most it can have. Remove one to add another.',
    );
    expect(leftOutWords('brew', 1, 6)).toBe('1 photo was not added: a brew can have 6 photos.');
    expect(leftOutWords('bag', 3, 6)).toBe('3 photos were not added: a bag can have 6 photos.');
  });

  it('explains a full quota with the server’s figures, and other refusals with its message', () => {
    expect(
      uploadProblemWords({
        statusCode: 403,
        code: 'photo_quota_exceeded',
        message: 'Photo storage is full.',
        details: { usedBytes: 490 * MB, quotaBytes: 500 * MB },
      }),
    ).toBe(
      'Not uploaded: your photo storage on the server is full (490 MB of 500 MB). It uploads once you delete some photos.',
    );
    expect(
      uploadProblemWords({
        statusCode: 413,
        code: 'photo_too_large',
        message: 'Too large.',
        details: { limitBytes: 2 * MB },
      }),
    ).toBe('Too large to upload (the server takes up to 2.0 MB): it stays on this device only.');
    expect(
      uploadProblemWords({
        statusCode: 415,
        code: 'unsupported_media_type',
        message: 'The bytes are a GIF.',
      }),
    ).toBe('Could not upload: The bytes are a GIF. It stays on this device only.');
  });

  it('sizes the photos on the device', () => {
    expect(photoUseWords({ fullBytes: 0, thumbBytes: 0, count: 0 })).toBe(
      'No photos on this device.',
    );
    expect(photoUseWords({ fullBytes: 3 * MB, thumbBytes: MB / 2, count: 4 })).toBe(
      'Photos use 3.5 MB on this device: full images 3.0 MB, thumbnails 512 KB.',
    );
  });

  it('says how many photos an export holds and how many it lacks, and what an import restored', () => {
    expect(exportedWords({ bags: 3, brews: 8, photos: 0, photosMissing: 0 })).toBe(
      'Exported 3 bags and 8 brews.',
    );
    expect(exportedWords({ bags: 1, brews: 2, photos: 1, photosMissing: 0 })).toBe(
      'Exported 1 bag, 2 brews and 1 photo.',
    );
    expect(exportedWords({ bags: 2, brews: 5, photos: 4, photosMissing: 1 })).toBe(
      'Exported 2 bags, 5 brews and 4 photos. 1 photo is only on the server, not on this device: the file lists it as missing.',
    );
    expect(exportedWords({ bags: 2, brews: 5, photos: 4, photosMissing: 3 })).toContain(
      '3 photos are only on the server, not on this device: the file lists them as missing.',
    );
    expect(importedPhotoWords({ stored: 4, damaged: 0, withoutImage: 0 })).toBe(
      '4 photo images added from the file.',
    );
    expect(importedPhotoWords({ stored: 0, damaged: 0, withoutImage: 0 })).toBe(
      'Its photos’ images were already here.',
    );
    expect(importedPhotoWords({ stored: 0, damaged: 0, withoutImage: 1 })).toBe(
      'No photo images were added from the file; 1 photo was not in it and downloads from the server when opened.',
    );
    expect(importedPhotoWords({ stored: 1, damaged: 1, withoutImage: 2 })).toBe(
      '1 photo image added from the file; 2 photos were not in it and download from the server when opened; 1 damaged image was left out.',
    );
  });
});
