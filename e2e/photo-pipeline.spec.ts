import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { expect, test } from './support/fixtures.js';

/**
 * The image pipeline (client/src/photos/image-pipeline.ts) in real Chromium: a 4000×3000 JPEG
 * carrying an EXIF orientation (6: rotate 90° clockwise) and a GPS position comes out as a
 * 1200×1600 full image and a 240×320 thumbnail, turned the way the camera meant, with no
 * EXIF, no GPS and a correct SHA-256. A green corner on the stored picture tells a rotation
 * from a flip. The pipeline module is loaded into a bare page of the
 * server's origin (a secure context for crypto.subtle), outside the app.
 */

/** The module's source as JavaScript, its relative imports left out (they are inlined). */
const transpiled = (file: string) =>
  ts
    .transpileModule(readFileSync(new URL(file, import.meta.url), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    })
    .outputText.replace(/^import .* from '\.\/.*';$/gm, '');

/** The pipeline and the hash it imports, as one inline module. */
const PIPELINE = [
  transpiled('../client/src/photos/content-hash.ts'),
  transpiled('../client/src/photos/image-pipeline.ts'),
].join('\n');

const PAGE = `<!doctype html><meta charset="utf-8"><title>pipeline</title>
<script type="module">${PIPELINE}
globalThis.photoPipeline = { processPhoto };</script>`;

/** A tiny big-endian EXIF (APP1) writer: IFD0 with Orientation and a GPS IFD with a latitude. */
function exifSegment(orientation: number): number[] {
  const tiff: number[] = [];
  const u16 = (v: number) => tiff.push((v >> 8) & 0xff, v & 0xff);
  const u32 = (v: number) =>
    tiff.push((v >>> 24) & 0xff, (v >> 16) & 0xff, (v >> 8) & 0xff, v & 0xff);
  tiff.push(0x4d, 0x4d); // "MM": big-endian
  u16(42);
  u32(8); // IFD0 right after the header
  // IFD0: 2 entries (12 bytes each), then the next-IFD offset.
  const gpsIfdOffset = 8 + 2 + 2 * 12 + 4;
  u16(2);
  u16(0x0112); // Orientation, SHORT, 1 value, left-justified
  u16(3);
  u32(1);
  u16(orientation);
  u16(0);
  u16(0x8825); // GPSInfo IFD pointer, LONG
  u16(4);
  u32(1);
  u32(gpsIfdOffset);
  u32(0);
  // GPS IFD: GPSLatitudeRef "N" and GPSLatitude 52° 31' 12" as three RATIONALs.
  const latitudeOffset = gpsIfdOffset + 2 + 2 * 12 + 4;
  u16(2);
  u16(0x0001);
  u16(2); // ASCII
  u32(2);
  tiff.push(0x4e, 0, 0, 0);
  u16(0x0002);
  u16(5); // RATIONAL
  u32(3);
  u32(latitudeOffset);
  u32(0);
  for (const [numerator, denominator] of [
    [52, 1],
    [31, 1],
    [12, 1],
  ] as const) {
    u32(numerator);
    u32(denominator);
  }
  const payload = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]; // "Exif\0\0"
  const length = payload.length + 2;
  return [0xff, 0xe1, (length >> 8) & 0xff, length & 0xff, ...payload];
}

test('resizes a 4000×3000 camera JPEG, applies its EXIF orientation, and drops EXIF and GPS', async ({
  page,
  server,
}) => {
  await page.route(`${server.url}/photo-pipeline-test`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: PAGE }),
  );
  await page.goto(`${server.url}/photo-pipeline-test`);
  await page.waitForFunction(() => 'photoPipeline' in globalThis);

  const result = await page.evaluate(async (exif) => {
    // The camera's picture: top half red, bottom half blue, 4000×3000 as stored.
    const camera = new OffscreenCanvas(4000, 3000);
    const draw = camera.getContext('2d') as OffscreenCanvasRenderingContext2D;
    draw.fillStyle = '#f00';
    draw.fillRect(0, 0, 4000, 1500);
    draw.fillStyle = '#00f';
    draw.fillRect(0, 1500, 4000, 1500);
    // A green corner at the stored top left tells a rotation from a flip.
    draw.fillStyle = '#0f0';
    draw.fillRect(0, 0, 1000, 750);
    const plain = new Uint8Array(
      await (await camera.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer(),
    );
    // The EXIF segment goes right after the start-of-image marker, where cameras put it.
    const withExif = new Uint8Array(plain.length + exif.length);
    withExif.set(plain.subarray(0, 2));
    withExif.set(exif, 2);
    withExif.set(plain.subarray(2), 2 + exif.length);
    const file = new Blob([withExif], { type: 'image/jpeg' });

    const pipeline = (
      globalThis as unknown as {
        photoPipeline: {
          processPhoto: (
            file: Blob,
          ) => Promise<
            Record<'full' | 'thumb', { blob: Blob; hash: string; width: number; height: number }>
          >;
        };
      }
    ).photoPipeline;
    const { full, thumb } = await pipeline.processPhoto(file);

    const inspect = async (image: { blob: Blob; hash: string; width: number; height: number }) => {
      const bytes = new Uint8Array(await image.blob.arrayBuffer());
      const bitmap = await createImageBitmap(image.blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(bitmap, 0, 0);
      const pixel = (x: number, y: number) => [
        ...context.getImageData(x, y, 1, 1).data.slice(0, 3),
      ];
      const text = new TextDecoder('latin1').decode(bytes);
      let app1 = false;
      for (let i = 0; i + 1 < bytes.length; i++) {
        if (bytes[i] === 0xff && bytes[i + 1] === 0xe1) app1 = true;
      }
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      return {
        width: image.width,
        height: image.height,
        decoded: [bitmap.width, bitmap.height],
        size: bytes.length,
        type: image.blob.type,
        jpeg: bytes[0] === 0xff && bytes[1] === 0xd8,
        hashOk: [...digest].map((b) => b.toString(16).padStart(2, '0')).join('') === image.hash,
        exif: text.includes('Exif'),
        app1,
        left: pixel(Math.floor(bitmap.width * 0.1), Math.floor(bitmap.height / 2)),
        right: pixel(Math.floor(bitmap.width * 0.9), Math.floor(bitmap.height / 2)),
        topRight: pixel(Math.floor(bitmap.width * 0.9), Math.floor(bitmap.height * 0.05)),
        bottomRight: pixel(Math.floor(bitmap.width * 0.9), Math.floor(bitmap.height * 0.95)),
      };
    };
    const input = new TextDecoder('latin1').decode(withExif);
    return {
      inputHasExif: input.includes('Exif'),
      full: await inspect(full),
      thumb: await inspect(thumb),
    };
  }, exifSegment(6));

  // The fixture really carries EXIF, so its absence below is the pipeline's doing.
  expect(result.inputHasExif).toBe(true);
  // Orientation 6 turns the stored 4000×3000 into a portrait picture: the stored top is now on
  // the right, so the right is red and the left blue.
  expect(result.full).toMatchObject({
    width: 1200,
    height: 1600,
    decoded: [1200, 1600],
    type: 'image/jpeg',
    jpeg: true,
    hashOk: true,
    exif: false,
    app1: false,
  });
  expect(result.thumb).toMatchObject({
    width: 240,
    height: 320,
    decoded: [240, 320],
    jpeg: true,
    hashOk: true,
    exif: false,
    app1: false,
  });
  for (const image of [result.full, result.thumb]) {
    const [r, , b] = image.right;
    const [lr, , lb] = image.left;
    expect(r, 'right is red').toBeGreaterThan(200);
    expect(b, 'right is red').toBeLessThan(60);
    expect(lb, 'left is blue').toBeGreaterThan(200);
    expect(lr, 'left is blue').toBeLessThan(60);
    // The stored top-left corner, turned clockwise, is at the top right (a flip would not be).
    expect(image.topRight[1], 'green corner at the top right').toBeGreaterThan(200);
    expect(image.bottomRight[1], 'no green at the bottom right').toBeLessThan(60);
  }
  expect(result.full.size).toBeLessThanOrEqual(400 * 1024);
  expect(result.thumb.size).toBeLessThanOrEqual(30 * 1024);
});
