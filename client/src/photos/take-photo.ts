/**
 * Taking a photo, from the picked file to the queued upload: the pipeline (in a worker where
 * the engine can, else on the page), both images stored on the device, the photo row written
 * through addPhoto (row, clocks and outbox entry in one transaction). The local write starts a
 * sync shortly after (data/write.ts onLocalWrite), and the sync engine uploads the images
 * (photo-upload.ts). Page only: it starts a Worker, and the fallback draws on a page canvas.
 */
import type { PhotoOwner } from '../../../shared/model/entities.js';
import type { DialInDb } from '../data/db.js';
import { NotAnImageError, type ProcessedPhoto, processPhoto } from './image-pipeline.js';
import { addPhoto, photosOf } from './photo-actions.js';
import { storeTakenImages } from './photo-bytes.js';
import { PHOTO_LIMIT_PER_OWNER, PhotoLimitError } from './photo-errors.js';
import type { PipelineReply } from './pipeline-messages.js';

export { PHOTO_LIMIT_PER_OWNER };

/**
 * Adds a photo of `file` to a bag or brew and returns the photo's id. Throws PhotoLimitError
 * when the owner already has PHOTO_LIMIT_PER_OWNER photos (checked before the slow pipeline
 * and again before the write), NotAnImageError when the file is no picture this browser can
 * open, MissingRowError when the owner is not on this device. Nothing is stored on a throw.
 */
export async function takePhoto(
  db: DialInDb,
  ownerKind: PhotoOwner,
  ownerId: string,
  file: File | Blob,
): Promise<string> {
  await checkRoom(db, ownerKind, ownerId);
  const photo = await runPipeline(file);
  return storeTakenPhoto(db, ownerKind, ownerId, photo);
}

/**
 * The second half of takePhoto, for a photo the pipeline already made: stores the images and
 * writes the row. The images go first: a row never names bytes the device does not hold.
 */
export async function storeTakenPhoto(
  db: DialInDb,
  ownerKind: PhotoOwner,
  ownerId: string,
  photo: ProcessedPhoto,
): Promise<string> {
  await checkRoom(db, ownerKind, ownerId);
  await storeTakenImages(db, photo);
  return addPhoto(db, ownerKind, ownerId, {
    hash: photo.full.hash,
    type: photo.full.type,
    thumbHash: photo.thumb.hash,
    thumbType: photo.thumb.type,
    width: photo.full.width,
    height: photo.full.height,
    bytes: photo.full.blob.size,
  });
}

async function checkRoom(db: DialInDb, ownerKind: PhotoOwner, ownerId: string): Promise<void> {
  if ((await photosOf(db, ownerKind, ownerId)).length >= PHOTO_LIMIT_PER_OWNER) {
    throw new PhotoLimitError();
  }
}

/** Where the pipeline runs on this engine: detected, never sniffed. */
export function pipelinePlace(): 'worker' | 'page' {
  return typeof Worker === 'function' && typeof OffscreenCanvas === 'function' ? 'worker' : 'page';
}

/** The pipeline in a worker where it can run there; on the page otherwise, or if the worker fails. */
export async function runPipeline(file: Blob): Promise<ProcessedPhoto> {
  if (pipelinePlace() === 'worker') {
    const reply = await inWorker(file);
    if (reply.kind === 'done') return reply.photo;
    if (reply.kind === 'not-an-image') throw new NotAnImageError(reply.message);
  }
  return processPhoto(file);
}

function inWorker(file: Blob): Promise<PipelineReply> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./pipeline-worker.ts', import.meta.url), { type: 'module' });
    } catch (error) {
      resolve({ kind: 'failed', message: String(error) });
      return;
    }
    const finish = (reply: PipelineReply) => {
      worker.terminate();
      resolve(reply);
    };
    worker.onmessage = (event: MessageEvent<PipelineReply>) => finish(event.data);
    // A worker script that fails to load or throws (an old engine): the page runs it instead.
    worker.onerror = (event) => {
      event.preventDefault();
      finish({ kind: 'failed', message: event.message });
    };
    worker.postMessage(file);
  });
}
