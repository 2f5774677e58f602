import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../scripts/vite-precompress.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Text with the repetition real bundles have, large enough that both encodings pay off. */
const script = (name: string) =>
  Array.from({ length: 400 }, (_, i) => `export const ${name}${i} = () => "${name} ${i}";`).join(
    '\n',
  );

/** A build of our own, precompressed by the build's own step: files and their siblings. */
const FILES: Record<string, string> = {
  'index.html': `<!doctype html><html lang="en"><head><title>Dial-in</title>${'<link rel="modulepreload" href="/assets/later-b1e3fe1.js">'.repeat(20)}</head><body><div id="app"></div></body></html>`,
  'sw.js': script('worker'),
  'assets/index-3f9a1c.js': script('app'),
};

let dir: string;
let t: TestApp;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dialin-static-br-'));
  await mkdir(join(dir, 'assets'));
  for (const [name, text] of Object.entries(FILES)) await writeFile(join(dir, name), text);
  await writeFile(join(dir, 'icon-192.png'), 'png');
  await copyFile(
    join(import.meta.dirname, '../../client/public/robots.txt'),
    join(dir, 'robots.txt'),
  );
  await precompressDir(dir);
  t = await createTestApp({ staticDir: dir });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

function get(url: string, acceptEncoding?: string) {
  return t.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });
}

const decoders: Record<string, (bytes: Buffer) => Buffer> = {
  br: brotliDecompressSync,
  gzip: gunzipSync,
};

const CASES = [
  ['/assets/index-3f9a1c.js', 'assets/index-3f9a1c.js', 'public, max-age=31536000, immutable'],
  ['/sw.js', 'sw.js', 'no-cache'],
  ['/index.html', 'index.html', 'no-cache'],
  ['/', 'index.html', 'no-cache'],
  ['/brews', 'index.html', 'no-cache'],
] as const;

describe('precompressed static files', () => {
  describe.each([
    ['br', 'gzip, deflate, br, zstd'],
    ['gzip', 'gzip, deflate'],
  ])('a browser that accepts %s', (encoding, acceptEncoding) => {
    it.each(CASES)('%s comes encoded, and decodes to the file', async (url, file, cache) => {
      const response = await get(url, acceptEncoding);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers.vary).toMatch(/accept-encoding/i);
      expect(response.headers['cache-control']).toBe(cache);
      expect(response.headers['content-type']).toMatch(
        file.endsWith('.js') ? /javascript/ : /html/,
      );
      const decoded = decoders[encoding]?.(response.rawPayload).toString('utf8');
      expect(decoded).toBe(FILES[file]);
      expect(response.rawPayload.length).toBeLessThan(Buffer.byteLength(FILES[file] ?? ''));
    });
  });

  it.each(CASES)(
    '%s comes as it is to a client that accepts no encoding',
    async (url, file, cache) => {
      for (const acceptEncoding of [undefined, 'identity']) {
        const response = await get(url, acceptEncoding);
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-encoding']).toBeUndefined();
        expect(response.headers.vary).toMatch(/accept-encoding/i);
        expect(response.headers['cache-control']).toBe(cache);
        expect(response.body).toBe(FILES[file]);
      }
    },
  );

  it('a file without siblings comes as it is, with no Vary', async () => {
    const response = await get('/icon-192.png', 'gzip, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBeUndefined();
    expect(response.headers.vary).toBeUndefined();
    expect(response.body).toBe('png');
  });

  it('robots.txt is a plain-text file that lets crawlers in, not the app shell', async () => {
    const response = await get('/robots.txt', 'gzip, br');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = (decoders[String(response.headers['content-encoding'])] ?? ((b: Buffer) => b))(
      response.rawPayload,
    ).toString('utf8');
    expect(text).toBe(await readFile(join(dir, 'robots.txt'), 'utf8'));
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).not.toContain('<!doctype');
  });
});
