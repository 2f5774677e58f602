import type { PhotoOwner } from '../../../../shared/model/entities.js';
import type { ErrorBody } from '../../../../shared/protocol/errors.js';
import { plural } from './format.js';

/**
 * What the photo screens say, in a person's words: the count, why a pick was refused, and
 * why a photo has not reached the server. Pure, so each sentence is tested on its own.
 */

const OWNER_WORDS: Record<PhotoOwner, string> = { bag: 'bag', brew: 'brew' };

const KB = 1024;
const MB = 1024 * KB;
/** "640 KB", "3.5 MB", "120 MB": one decimal only where it says something. */
const megabytes = (bytes: number) =>
  bytes < MB
    ? `${Math.ceil(bytes / KB)} KB`
    : `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

/** "3 of 6 photos". */
export function photoCount(count: number, limit: number): string {
  return `${count} of ${limit} photos`;
}

/** Said in place of the add buttons once the owner is full. */
export function fullWords(kind: PhotoOwner, limit: number): string {
  return `This ${OWNER_WORDS[kind]} has ${limit} photos, the most it can have. Remove one to add another.`;
}

/** Several files picked at once, more than there is room for: the rest were left out. */
export function leftOutWords(kind: PhotoOwner, leftOut: number, limit: number): string {
  const files = leftOut === 1 ? '1 photo was' : `${leftOut} photos were`;
  return `${files} not added: a ${OWNER_WORDS[kind]} can have ${limit} photos.`;
}

/** A picked file that is not an image the browser can open (a PDF, a HEIC it cannot read). */
export function notAnImageWords(fileName: string): string {
  return `“${fileName}” is not a picture this browser can open. Pick a JPEG, PNG or WebP photo.`;
}

/**
 * A photo whose bytes the server refused or holds back, by the server's code: quota full
 * waits (it uploads once photos are deleted), the others are refused for good and stay on
 * this device only.
 */
export function uploadProblemWords(error: ErrorBody): string {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const num = (key: string) => (typeof details[key] === 'number' ? (details[key] as number) : null);
  switch (error.code) {
    case 'photo_quota_exceeded': {
      const used = num('usedBytes');
      const quota = num('quotaBytes');
      const figures =
        used !== null && quota !== null ? ` (${megabytes(used)} of ${megabytes(quota)})` : '';
      return `Not uploaded: your photo storage on the server is full${figures}. It uploads once you delete some photos.`;
    }
    case 'photo_too_large': {
      const limit = num('limitBytes');
      return `Too large to upload${limit === null ? '' : ` (the server takes up to ${megabytes(limit)})`}: it stays on this device only.`;
    }
    default:
      return `Could not upload: ${error.message} It stays on this device only.`;
  }
}

/** The storage line of Settings: how much the photos take on this device. */
export function photoUseWords(use: {
  fullBytes: number;
  thumbBytes: number;
  count: number;
}): string {
  if (use.count === 0) return 'No photos on this device.';
  return `Photos use ${megabytes(use.fullBytes + use.thumbBytes)} on this device: full images ${megabytes(use.fullBytes)}, thumbnails ${megabytes(use.thumbBytes)}.`;
}

/**
 * The export's sentence (Settings → Your data): its bags and brews, and, once there are
 * photos, how many, and how many the file lacks because their images are only on the server.
 */
export function exportedWords(counts: {
  bags: number;
  brews: number;
  photos: number;
  photosMissing: number;
}): string {
  const { bags, brews, photos, photosMissing: missing } = counts;
  if (photos === 0) return `Exported ${plural(bags, 'bag')} and ${plural(brews, 'brew')}.`;
  const head = `Exported ${plural(bags, 'bag')}, ${plural(brews, 'brew')} and ${plural(photos, 'photo')}.`;
  if (missing === 0) return head;
  const which = missing === 1 ? '1 photo is' : `${missing} photos are`;
  return `${head} ${which} only on the server, not on this device: the file lists ${missing === 1 ? 'it' : 'them'} as missing.`;
}

/** What an import did with the file's photos' images (said after its row counts). */
export function importedPhotoWords(photos: {
  stored: number;
  damaged: number;
  withoutImage: number;
}): string {
  const parts = [
    photos.stored === 0
      ? 'No photo images were added from the file'
      : `${photos.stored === 1 ? '1 photo image' : `${photos.stored} photo images`} added from the file`,
  ];
  // A re-import: every image was on the device already.
  if (photos.stored === 0 && photos.withoutImage === 0 && photos.damaged === 0) {
    return 'Its photos’ images were already here.';
  }
  if (photos.withoutImage > 0) {
    parts.push(
      photos.withoutImage === 1
        ? '1 photo was not in it and downloads from the server when opened'
        : `${photos.withoutImage} photos were not in it and download from the server when opened`,
    );
  }
  if (photos.damaged > 0) {
    parts.push(
      photos.damaged === 1
        ? '1 damaged image was left out'
        : `${photos.damaged} damaged images were left out`,
    );
  }
  return `${parts.join('; ')}.`;
}
