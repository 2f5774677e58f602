/**
 * How image bytes go into this engine's IndexedDB. A Blob where the engine takes one (it is
 * kept apart from the record and read only when used, so listing records stays cheap), and an
 * ArrayBuffer where it refuses Blobs: WebKit in an ephemeral session (Safari's private
 * browsing; every WebDriver session of WebKitGTK 2.50 here) fails the whole write with
 * "UnknownError: Error preparing Blob/File data to be stored in object store". The first
 * refusal is remembered for the life of the context; readers take either form (imageBlob).
 * No DOM: the page and the service worker both write images.
 */
import type { PhotoBytesRecord } from '../data/schema.js';

/** Whether this context's IndexedDB has taken a Blob (null: not tried yet). */
let takesBlobs: boolean | null = null;

/** WebKit's refusal of Blob values (Dexie passes the DOMException's name and message on). */
export function isBlobRefusal(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /UnknownError/.test(text) && /Blob/.test(text);
}

/**
 * Runs `write` (one transaction that stores the images) with the images' bytes in the form this
 * engine stores: the Blobs themselves, or, once they were refused, their ArrayBuffers. A refused
 * write aborted its transaction and stored nothing, so it runs once more, whole.
 */
export async function writingBytes<T>(
  blobs: readonly Blob[],
  write: (bytes: PhotoBytesRecord['blob'][]) => Promise<T>,
): Promise<T> {
  if (takesBlobs !== false) {
    try {
      const result = await write([...blobs]);
      takesBlobs = true;
      return result;
    } catch (error) {
      if (!isBlobRefusal(error)) throw error;
      takesBlobs = false;
    }
  }
  return write(await Promise.all(blobs.map((blob) => blob.arrayBuffer())));
}

/** The stored image as a Blob of its type, whichever form it was stored in. */
export function imageBlob(record: Pick<PhotoBytesRecord, 'blob' | 'type'>): Blob {
  return record.blob instanceof Blob ? record.blob : new Blob([record.blob], { type: record.type });
}
