/**
 * ZIP files, through fflate loaded on first use: the library stays out of the start-up
 * bundle and lands in the chunk of whoever exports or imports. The synchronous calls are
 * used (not fflate's worker-based `zip`/`unzip`), because those build workers from blob URLs,
 * which the app's Content-Security-Policy does not allow; a few MB zip in tens of ms.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes start like a ZIP archive (a local file header, "PK\x03\x04"). */
export function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((byte, i) => bytes[i] === byte);
}

/**
 * A ZIP of text files, named by their path inside the archive, and of binary files (photos),
 * stored as they are: a JPEG does not deflate, and trying costs time for nothing.
 */
export async function zipTexts(
  files: Readonly<Record<string, string>>,
  binaries: ReadonlyMap<string, Uint8Array> = new Map(),
): Promise<Uint8Array> {
  const { strToU8, zipSync } = await import('fflate');
  const entries: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {};
  for (const [name, text] of Object.entries(files)) entries[name] = strToU8(text);
  for (const [name, bytes] of binaries) entries[name] = [bytes, { level: 0 }];
  return zipSync(entries, { level: 6 });
}

/**
 * What an archive may hold once unpacked. Our export of 10,000 brews is a few MB; the cap
 * stops a small "ZIP bomb" from filling the tab's memory before anything is read.
 */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024;

/**
 * The files of a ZIP, as bytes by path (folders left out). Throws an Error with a sentence
 * for the user when the archive is damaged or unpacks to more than `maxBytes`.
 */
export async function unzipFiles(
  bytes: Uint8Array,
  maxBytes: number = MAX_UNZIPPED_BYTES,
): Promise<Map<string, Uint8Array>> {
  const { unzipSync } = await import('fflate');
  let declared = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      // Sizes as the archive's directory declares them, summed before anything is inflated.
      filter: (file) => {
        declared += file.originalSize;
        return declared <= maxBytes;
      },
    });
  } catch {
    throw new Error('This ZIP file is damaged and cannot be read.');
  }
  if (declared > maxBytes) {
    throw new Error(
      `This ZIP unpacks to more than ${Math.round(maxBytes / 1024 / 1024)} MB: too large to import.`,
    );
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    if (!name.endsWith('/')) files.set(name, data);
  }
  return files;
}

/** UTF-8 text of one archive entry (a BOM, which some tools write, is dropped). */
export function textOf(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
