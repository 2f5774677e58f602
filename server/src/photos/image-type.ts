import type { PhotoType } from './photo-store.js';

/** A file type recognised by its signature but not accepted as a photo, named for the message. */
export interface RefusedType {
  name: string;
  type: string;
}

export type ImageTypeResult =
  | { ok: true; type: PhotoType }
  | { ok: false; found: RefusedType | null };

/**
 * The photo's media type from its first bytes (its "magic"), never from a header or a file
 * name the client chose. Only JPEG, WebP and PNG pass; a refused file is named when its
 * signature is known (GIF, HEIC, PDF…), so the message can tell the user what they picked.
 */
export function detectImageType(bytes: Uint8Array): ImageTypeResult {
  if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return { ok: true, type: 'image/jpeg' };
  if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { ok: true, type: 'image/png' };
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return { ok: true, type: 'image/webp' };
  }
  return { ok: false, found: refusedType(bytes) };
}

function refusedType(bytes: Uint8Array): RefusedType | null {
  const head = ascii(bytes, 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return { name: 'GIF', type: 'image/gif' };
  if (ascii(bytes, 4, 4) === 'ftyp') return isoMediaType(bytes);
  if (head.startsWith('%PDF-')) return { name: 'PDF', type: 'application/pdf' };
  if (
    startsWith(bytes, 0, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, 0, [0x4d, 0x4d, 0x00, 0x2a])
  ) {
    return { name: 'TIFF', type: 'image/tiff' };
  }
  if (startsWith(bytes, 0, [0xff, 0x0a]) || ascii(bytes, 4, 4) === 'JXL ') {
    return { name: 'JPEG XL', type: 'image/jxl' };
  }
  if (head.startsWith('BM')) return { name: 'BMP', type: 'image/bmp' };
  if (startsWith(bytes, 0, [0x00, 0x00, 0x01, 0x00])) return { name: 'ICO', type: 'image/x-icon' };
  if (startsWith(bytes, 0, [0x50, 0x4b, 0x03, 0x04]))
    return { name: 'ZIP', type: 'application/zip' };
  if (ascii(bytes, 0, 1024).includes('<svg')) return { name: 'SVG', type: 'image/svg+xml' };
  return null;
}

const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);

/**
 * ISO base media files (HEIC, AVIF, MP4…) open with an `ftyp` box: its size, `ftyp`, a major
 * brand, a minor version, then compatible brands. HEIF stills name `mif1` as major brand and
 * the codec among the compatible ones, so every brand in the box is read.
 */
function isoMediaType(bytes: Uint8Array): RefusedType {
  const boxSize = Math.min(bytes.length, readUint32(bytes, 0));
  const brands = [ascii(bytes, 8, 4)];
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) brands.push(ascii(bytes, offset, 4));
  if (brands.some((brand) => brand === 'avif' || brand === 'avis')) {
    return { name: 'AVIF', type: 'image/avif' };
  }
  if (brands.some((brand) => HEIC_BRANDS.has(brand))) return { name: 'HEIC', type: 'image/heic' };
  if (brands.some((brand) => brand === 'mif1' || brand === 'msf1')) {
    return { name: 'HEIF', type: 'image/heif' };
  }
  if (brands[0] === 'qt  ') return { name: 'QuickTime video', type: 'video/quicktime' };
  return { name: 'MP4', type: 'video/mp4' };
}

function startsWith(bytes: Uint8Array, offset: number, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

/** Bytes as Latin-1 text, shorter when the file is; never throws on a short file. */
function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length));
}

function readUint32(bytes: Uint8Array, offset: number): number {
  if (bytes.length < offset + 4) return 0;
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0);
}
