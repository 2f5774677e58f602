import type { ErrorBody } from '../../../shared/protocol/errors.js';

/**
 * The errors the photo API throws for situations the UI explains to the user (a bug throws
 * something else). Each names what the user can do.
 */

/** How many photos one bag or brew may have. */
export const PHOTO_LIMIT_PER_OWNER = 6;

/** The owner already has PHOTO_LIMIT_PER_OWNER photos: remove one before adding another. */
export class PhotoLimitError extends Error {
  override readonly name = 'PhotoLimitError';
  constructor(readonly limit: number = PHOTO_LIMIT_PER_OWNER) {
    super(`A bag or brew can have at most ${limit} photos; remove one to add another.`);
  }
}

/** The image is not on this device and the server cannot be reached: try again online. */
export class PhotoOfflineError extends Error {
  override readonly name = 'PhotoOfflineError';
  constructor(readonly hash: string) {
    super('This photo is not on this device and the server cannot be reached.');
  }
}

/**
 * The server has no bytes for this hash (yet): the row arrived before its image, which the
 * device that took it has not uploaded. The UI shows "photo on its way".
 */
export class PhotoMissingError extends Error {
  override readonly name = 'PhotoMissingError';
  constructor(readonly hash: string) {
    super('This photo is on its way: the device that took it has not uploaded it yet.');
  }
}

/** The server refused the download for another reason (signed out, a server failure). */
export class PhotoDownloadError extends Error {
  override readonly name = 'PhotoDownloadError';
  constructor(
    readonly hash: string,
    readonly error: ErrorBody,
  ) {
    super(error.message);
  }
}
