/**
 * The device's image pipeline: a picked or photographed file becomes the two JPEGs a photo
 * row names — the full image (long side at most 1600 px, aiming at 400 KB or less) and the
 * thumbnail (long side at most 320 px, 30 KB or less) — each with its SHA-256.
 *
 * Decoding applies the EXIF orientation (`imageOrientation: 'from-image'`), and re-encoding
 * through a canvas writes no metadata at all: no GPS position or camera data leaves the phone.
 * Runs in a worker (OffscreenCanvas) or on the main thread; it touches no DOM but a canvas.
 */

import { sha256Hex } from './content-hash.js';

export interface EncodedImage {
  blob: Blob;
  /** SHA-256 of the bytes, lower-case hex: the name the server stores them under. */
  hash: string;
  type: 'image/jpeg';
  width: number;
  height: number;
}

export interface ProcessedPhoto {
  full: EncodedImage;
  thumb: EncodedImage;
}

export const FULL_LONG_SIDE = 1600;
export const FULL_TARGET_BYTES = 400 * 1024;
export const THUMB_LONG_SIDE = 320;
export const THUMB_TARGET_BYTES = 30 * 1024;
/** Tried in order until the image fits its target; the last one is kept whatever its size. */
const QUALITIES = [0.8, 0.7, 0.6, 0.5, 0.4] as const;

/** The picked file is not an image this browser can decode. */
export class NotAnImageError extends Error {
  override readonly name = 'NotAnImageError';
}

/** The size that fits `longSide`, keeping the aspect ratio; never enlarges. */
export function fitLongSide(
  width: number,
  height: number,
  longSide: number,
): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

type Canvas2D = {
  canvas: OffscreenCanvas | HTMLCanvasElement;
  context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
};

/** OffscreenCanvas where the engine has one (every worker that can do this), else a page canvas. */
function makeCanvas(width: number, height: number): Canvas2D {
  const canvas: OffscreenCanvas | HTMLCanvasElement =
    typeof OffscreenCanvas === 'function'
      ? new OffscreenCanvas(width, height)
      : Object.assign(document.createElement('canvas'), { width, height });
  const context = canvas.getContext('2d') as Canvas2D['context'] | null;
  if (context === null) throw new Error('This browser cannot draw images (no 2D canvas).');
  return { canvas, context };
}

function toJpeg(canvas: Canvas2D['canvas'], quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality });
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) =>
        blob === null ? reject(new Error('The image could not be encoded.')) : resolve(blob),
      'image/jpeg',
      quality,
    ),
  );
}

/** Draws the bitmap at the size fitting `longSide`, then encodes, lowering quality until it fits. */
async function encode(
  bitmap: ImageBitmap,
  longSide: number,
  targetBytes: number,
): Promise<EncodedImage> {
  const { width, height } = fitLongSide(bitmap.width, bitmap.height, longSide);
  const { canvas, context } = makeCanvas(width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  let blob: Blob | undefined;
  for (const quality of QUALITIES) {
    blob = await toJpeg(canvas, quality);
    if (blob.size <= targetBytes) break;
  }
  if (blob === undefined) throw new Error('The image could not be encoded.');
  return { blob, hash: await sha256Hex(blob), type: 'image/jpeg', width, height };
}

/** The full image and the thumbnail of a picked file, orientation applied, metadata gone. */
export async function processPhoto(file: Blob): Promise<ProcessedPhoto> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new NotAnImageError('This file is not a picture this browser can open.');
  }
  try {
    const full = await encode(bitmap, FULL_LONG_SIDE, FULL_TARGET_BYTES);
    const thumb = await encode(bitmap, THUMB_LONG_SIDE, THUMB_TARGET_BYTES);
    return { full, thumb };
  } finally {
    bitmap.close();
  }
}
