/**
 * The upload queue of photo bytes. It is the `upload` state of the photoBytes records, not a
 * Workbox queue: the bytes are already in IndexedDB, and a Workbox queue would store each image
 * a second time (it keeps whole request bodies); the state is also what eviction, the unsynced
 * mark and log-out read, so one record answers all of them. Both contexts drain it with this
 * one function: the page's sync engine on each sync (start, `online`, visible, every 30 s while
 * visible, after a local write — the retries of engines without Background Sync), and the
 * service worker on its Background Sync event (pwa/sw/photo-upload-sync.ts), which delivers
 * after the app is closed where the engine has Background Sync (Chromium).
 *
 * The server stores bytes for any hash its account uploads (server/src/photos/photo-routes.ts:
 * PUT checks size, hash, type and quota, not the rows), so uploads need not wait for the photo
 * row's push. Thumbnails go first: the other devices' lists show them.
 *
 * What each answer does is the reply policy's `replay` column (shared/protocol/reply-policy.ts),
 * as for a queued push: `keep` leaves the image pending and ends the round (a 401, a 5xx, no
 * network; photo storage full, with the server's error kept for the UI to explain); every other
 * recovery marks it rejected with the error, for good — an image cannot be split or re-stamped,
 * so the push's `release` (a proxy's 413) is a refusal here too. No DOM: the worker runs it.
 */

import { isErrorBody } from '../../../shared/protocol/error-codes.js';
import type { ErrorBody } from '../../../shared/protocol/errors.js';
import { type Refusal, replyRule } from '../../../shared/protocol/reply-policy.js';
import { photoPath } from '../../../shared/protocol/routes.js';
import type { DialInDb } from '../data/db.js';
import { peekMeta } from '../data/meta.js';
import type { PhotoBytesRecord } from '../data/schema.js';
import { asErrorBody, isTimeout, type Transport } from '../sync/http.js';
import type { LockManagerLike } from '../sync/lock.js';
import { evictFullImages } from './photo-eviction.js';

/** Held by the context (page or worker) that is uploading; another one skips its round. */
export const PHOTO_UPLOAD_LOCK = 'dial-in-photo-uploads';

/** An upload that has not answered in this long counts as a timeout (lie-fi): kept for later. */
const UPLOAD_TIMEOUT_MS = 60_000;

export interface UploadRound {
  /** Why nothing was tried: no account yet (anonymous photos wait for sign-up), signed out, or another context is uploading. */
  skipped?: 'anonymous' | 'signed_out' | 'locked';
  uploaded: string[];
  rejected: string[];
  /** The round ended on an answer the policy keeps images for; they wait for the next round. */
  stalled: boolean;
  /** Pending images left after the round. */
  pending: number;
}

export interface UploadOptions {
  /** navigator.locks where it exists; without it, two contexts may upload one image twice (harmless). */
  locks?: LockManagerLike | undefined;
}

/** Uploads every pending image, thumbnails first, then evicts full images beyond the budget. */
export async function uploadPendingPhotos(
  db: DialInDb,
  transport: Transport,
  options: UploadOptions = {},
): Promise<UploadRound> {
  const meta = await peekMeta(db);
  const skip =
    (skipped: NonNullable<UploadRound['skipped']>) => async (): Promise<UploadRound> => ({
      skipped,
      uploaded: [],
      rejected: [],
      stalled: false,
      pending: await pendingUploadCount(db),
    });
  if (meta?.accountId == null) return skip('anonymous')();
  if (meta.signedOutOnServer) return skip('signed_out')();
  const round = () => uploadRound(db, transport);
  if (options.locks === undefined) return round();
  let ran = false;
  const result = await options.locks.request(PHOTO_UPLOAD_LOCK, { ifAvailable: true }, (lock) => {
    // Another context holds it: it picks up images stored while it runs (see nextPending).
    if (lock === null) return Promise.resolve(null);
    ran = true;
    return round();
  });
  return ran && result !== null ? result : skip('locked')();
}

/** Images waiting for upload. */
export function pendingUploadCount(db: DialInDb): Promise<number> {
  return db.photoBytes.where('upload').equals('pending').count();
}

/**
 * The next pending image not tried in this round, thumbnails first, oldest first. Read again
 * after each upload, so an image stored meanwhile goes in the same round.
 */
async function nextPending(db: DialInDb, tried: Set<string>): Promise<PhotoBytesRecord | null> {
  const pending = await db.photoBytes.where('upload').equals('pending').toArray();
  const untried = pending.filter((image) => !tried.has(image.hash));
  untried.sort(
    (a, b) =>
      (a.kind === 'thumb' ? 0 : 1) - (b.kind === 'thumb' ? 0 : 1) ||
      a.lastViewedAt - b.lastViewedAt,
  );
  return untried[0] ?? null;
}

async function uploadRound(db: DialInDb, transport: Transport): Promise<UploadRound> {
  const round: UploadRound = { uploaded: [], rejected: [], stalled: false, pending: 0 };
  const tried = new Set<string>();
  for (let image = await nextPending(db, tried); image; image = await nextPending(db, tried)) {
    tried.add(image.hash);
    const answer = await uploadImage(transport, image);
    if (answer.kind === 'uploaded') {
      await settle(db, image.hash, { upload: 'uploaded' });
      round.uploaded.push(image.hash);
      continue;
    }
    const rule = replyRule(answer.refusal);
    if (rule.replay === 'keep') {
      // Kept: the server's own error (photo storage full) is stored for the UI to explain.
      if (answer.error !== null) await settle(db, image.hash, { upload: 'pending' }, answer.error);
      round.stalled = true;
      break;
    }
    await settle(
      db,
      image.hash,
      { upload: 'rejected' },
      answer.error ?? refusalError(answer.refusal),
    );
    round.rejected.push(image.hash);
  }
  if (round.uploaded.length > 0) await evictFullImages(db);
  round.pending = await pendingUploadCount(db);
  return round;
}

/** An error to show for an answer that carried none of ours (a proxy's 413 page). */
function refusalError(refusal: Refusal): ErrorBody {
  // A network failure or timeout is always kept, never rejected; the branch is for the types.
  if (refusal === 'network' || refusal === 'timeout') {
    return { statusCode: 0, code: 'internal', message: 'The upload failed.' };
  }
  return asErrorBody(refusal.status, refusal.body);
}

/**
 * Records the upload state of a still-stored image (log-out may have cleared it meanwhile: then
 * nothing is written). An image already uploaded stays so: another context got there first.
 */
async function settle(
  db: DialInDb,
  hash: string,
  change: Pick<PhotoBytesRecord, 'upload'>,
  error?: ErrorBody,
): Promise<void> {
  await db.transaction('rw', db.photoBytes, async () => {
    const image = await db.photoBytes.get(hash);
    if (image === undefined || image.upload === 'uploaded') return;
    const { error: _old, ...rest } = image;
    await db.photoBytes.put(
      error === undefined ? { ...rest, ...change } : { ...rest, ...change, error },
    );
  });
}

type UploadAnswer =
  | { kind: 'uploaded' }
  /** `error`: the server's error body, null when the answer carried none of ours. */
  | { kind: 'refused'; refusal: Refusal; error: ErrorBody | null };

/** PUT the image's bytes under its hash; the server's answer, or why there was none. */
export async function uploadImage(
  transport: Transport,
  image: Pick<PhotoBytesRecord, 'hash' | 'type' | 'blob'>,
): Promise<UploadAnswer> {
  const path = photoPath(image.hash);
  const url = transport.baseUrl === '' ? path : new URL(path, transport.baseUrl).toString();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), UPLOAD_TIMEOUT_MS);
  try {
    const response = await transport.fetch(url, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'content-type': image.type },
      body: image.blob,
      signal: controller.signal,
    });
    const body = await readJson(response);
    // The server's own answer names the hash: a captive portal's 200 is not an upload.
    if (response.ok && (body as { hash?: unknown } | null)?.hash === image.hash) {
      return { kind: 'uploaded' };
    }
    const error = isErrorBody(body)
      ? body
      : response.ok
        ? null
        : asErrorBody(response.status, body);
    return { kind: 'refused', refusal: { status: response.status, body }, error };
  } catch (error) {
    return { kind: 'refused', refusal: isTimeout(error) ? 'timeout' : 'network', error: null };
  } finally {
    clearTimeout(timer);
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}
