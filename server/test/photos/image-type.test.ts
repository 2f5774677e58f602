import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { detectImageType } from '../../src/photos/image-type.js';

const text = (value: string) => [...value].map((char) => char.charCodeAt(0));
const bytesOf = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? text(part) : part)));

/** An ISO base media `ftyp` box: size, 'ftyp', major brand, minor version, compatible brands. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length;
  return bytesOf([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], compatible.join(''), [0, 0, 0, 8]);
}

describe('detectImageType', () => {
  it('accepts JPEG, PNG and WebP by their signatures', async () => {
    const png = new Uint8Array(await readFile('client/public/icons/icon-192.png'));
    expect(detectImageType(png)).toEqual({ ok: true, type: 'image/png' });
    expect(detectImageType(bytesOf([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'))).toEqual({
      ok: true,
      type: 'image/jpeg',
    });
    expect(detectImageType(bytesOf([0xff, 0xd8, 0xff, 0xe1, 0, 0x10], 'Exif'))).toEqual({
      ok: true,
      type: 'image/jpeg',
    });
    expect(detectImageType(bytesOf('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toEqual({
      ok: true,
      type: 'image/webp',
    });
  });

  it('names the type of a refused file when its signature is known', () => {
    const cases: [Uint8Array, string, string][] = [
      [bytesOf('GIF89a', [1, 0, 1, 0]), 'GIF', 'image/gif'],
      [bytesOf('GIF87a', [1, 0, 1, 0]), 'GIF', 'image/gif'],
      [ftyp('heic', 'mif1', 'heic'), 'HEIC', 'image/heic'],
      [ftyp('mif1', 'mif1', 'heic'), 'HEIC', 'image/heic'],
      [ftyp('mif1', 'mif1'), 'HEIF', 'image/heif'],
      [ftyp('avif', 'mif1', 'avif', 'miaf'), 'AVIF', 'image/avif'],
      [ftyp('qt  ', 'qt  '), 'QuickTime video', 'video/quicktime'],
      [ftyp('isom', 'isom', 'mp41'), 'MP4', 'video/mp4'],
      [bytesOf('%PDF-1.7\n'), 'PDF', 'application/pdf'],
      [bytesOf([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), 'TIFF', 'image/tiff'],
      [bytesOf([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]), 'TIFF', 'image/tiff'],
      [bytesOf([0xff, 0x0a, 0xfa]), 'JPEG XL', 'image/jxl'],
      [bytesOf('BM', [0x36, 0, 0, 0]), 'BMP', 'image/bmp'],
      [bytesOf([0, 0, 1, 0, 1, 0]), 'ICO', 'image/x-icon'],
      [bytesOf([0x50, 0x4b, 3, 4]), 'ZIP', 'application/zip'],
      [
        bytesOf('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'),
        'SVG',
        'image/svg+xml',
      ],
    ];
    for (const [bytes, name, type] of cases) {
      expect(detectImageType(bytes), name).toEqual({ ok: false, found: { name, type } });
    }
  });

  it('refuses unknown, empty and cut-short files without naming a type', () => {
    for (const bytes of [
      new Uint8Array(),
      bytesOf([0xff, 0xd8]),
      bytesOf([0x89, 0x50, 0x4e, 0x47]),
      bytesOf('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '),
      bytesOf('plain text, not an image'),
    ]) {
      expect(detectImageType(bytes)).toEqual({ ok: false, found: null });
    }
  });

  it('reads a signature inside a larger buffer from the view, not the buffer', () => {
    const buffer = bytesOf('GIF89a', [0xff, 0xd8, 0xff, 0xe0]);
    expect(detectImageType(buffer.subarray(6))).toEqual({ ok: true, type: 'image/jpeg' });
  });
});
